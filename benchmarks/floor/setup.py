"""The girder_worker floor: the least a girder_worker plugin can be, for the benchmarks."""

from setuptools import setup

setup(
    name="gw-floor",
    version="0",
    packages=["gw_floor"],
    install_requires=["girder-worker>=5,<6"],
    entry_points={"girder_worker_plugins": ["gw_floor = gw_floor:FloorPlugin"]},
)
