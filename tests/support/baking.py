"""Baking the template with chosen answers, and reading what came out."""

import fcntl
import hashlib
import json
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parents[2]
QUESTIONS = {
    name: value
    for name, value in json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text()).items()
    if not name.startswith("_")
}
# Questions with a closed set of answers: choice lists and yes/no booleans.
CHOICES = {
    name: value if isinstance(value, list) else [value, not value]
    for name, value in QUESTIONS.items()
    if isinstance(value, list | bool)
}

# Answers a test may pass; cookiecutter silently ignores unknown keys, so we do not.
KNOWN = frozenset(QUESTIONS)


def refuse_unknown(answers):
    unknown = set(answers) - KNOWN
    if unknown:
        raise KeyError(f"not questions of cookiecutter.json: {sorted(unknown)}")


def bake(cookies, **answers):
    """Bake the template with these answers; the rest take their defaults."""
    refuse_unknown(answers)
    return cookies.bake(extra_context=answers, template=str(TEMPLATE_DIR))


def bake_to(output_dir, config_file=None, **answers):
    """Bake outside pytest-cookies (benchmarks, scripts, shared bakes); return the project path."""
    from cookiecutter.main import cookiecutter

    refuse_unknown(answers)
    return Path(
        cookiecutter(
            str(TEMPLATE_DIR),
            no_input=True,
            extra_context=answers,
            output_dir=str(output_dir),
            config_file=config_file,
        )
    )


def shared_bake(cache_dir, answers):
    """The project these answers bake, made once in cache_dir however many test processes ask:
    the first bakes while holding a lock, the others wait for it and read the same files."""
    refuse_unknown(answers)
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(json.dumps(answers, sort_keys=True).encode()).hexdigest()[:16]
    done = cache_dir / f"{key}.done"
    with (cache_dir / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            # Replays and downloads stay in the cache, not in the user's home.
            config = cache_dir / f"{key}.cookiecutterrc.yaml"
            config.write_text(f"replay_dir: {cache_dir / 'replay'}\n")
            project = bake_to(cache_dir / key, config_file=str(config), **answers)
            done.write_text(str(project))
    return Path(done.read_text())


def case_id(answers):
    """A readable test id: license=MIT-ci=none, or 'defaults'."""
    return "-".join(f"{name}={value}" for name, value in answers.items()) or "defaults"


# Every yes/no question answered yes, with a plugin name that derives other names.
EVERY_OPTION = {"plugin_name": "image_tools"} | {
    name: True for name, value in QUESTIONS.items() if isinstance(value, bool)
}


def option_cases():
    """Answer sets that together bake every value of every choice at least once."""
    cases = [{}]
    for name, values in CHOICES.items():
        cases += [{name: value} for value in values[1:]]
    cases.append(EVERY_OPTION)
    return cases


def text_files(root):
    """Every file below root that reads as UTF-8 text, by path relative to root."""
    files = {}
    for path in sorted(Path(root).rglob("*")):
        if path.is_file():
            try:
                files[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return files
