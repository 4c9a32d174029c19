// Following a Girder job on a page: its status, its progress bar, a Cancel button, and on ERROR
// the end of its log. Girder pushes job updates over a websocket that not every deployment
// serves, so this asks for the job (GET /job/{id}) until it ends.

const { $, _ } = girder;
const { restRequest } = girder.rest;

const POLL_INTERVAL = 500; // ms
const LOG_LINES = 20;
// A job still waiting after this long makes the page ask whether any worker serves the queue.
const QUEUED_PATIENCE = 2000; // ms

/**
 * Show the job in el until it ends; resolve with the ended job (its last GET /job/{id}).
 * Stops quietly, never resolving, when el leaves the page (the user went elsewhere).
 */
export function followJob(el, jobId) {
    const { JobStatus } = girder.plugins.jobs;
    el.html(`<div class="g-{{ cookiecutter.plugin_name }}-job">
        <p>Job <a class="g-{{ cookiecutter.plugin_name }}-job-link" href="#job/${_.escape(jobId)}"></a>:
            <b class="g-{{ cookiecutter.plugin_name }}-job-status"></b>
            <button type="button" class="g-{{ cookiecutter.plugin_name }}-cancel btn btn-default btn-xs hide">Cancel</button></p>
        <p class="g-{{ cookiecutter.plugin_name }}-no-worker text-warning hide">No worker serves this plugin's
            queue right now: the job waits until one starts.</p>
        <div class="progress hide"><div class="progress-bar" role="progressbar"></div></div>
        <div class="g-{{ cookiecutter.plugin_name }}-job-end"></div>
    </div>`);
    el.find('.g-{{ cookiecutter.plugin_name }}-cancel').on('click', (event) => {
        $(event.currentTarget).prop('disabled', true);
        restRequest({ url: `job/${jobId}/cancel`, method: 'PUT' });
    });

    const queuedSince = Date.now();
    return new Promise((resolve) => {
        const poll = () => {
            if (!$.contains(document.documentElement, el[0])) {
                return;
            }
            restRequest({ url: `job/${jobId}` }).done((job) => {
                show(el, job, JobStatus);
                // Asked on every poll while the job waits: the route answers from a cache.
                if (waiting(job, JobStatus) && Date.now() - queuedSince > QUEUED_PATIENCE) {
                    warnWithoutWorkers(el);
                }
                if (JobStatus.finished(job.status)) {
                    resolve(job);
                } else {
                    window.setTimeout(poll, POLL_INTERVAL);
                }
            });
        };
        poll();
    });
}

/** Whether no worker has taken the job yet: a job sent with .delay() stays INACTIVE until then. */
function waiting(job, JobStatus) {
    return job.status === JobStatus.INACTIVE || job.status === JobStatus.QUEUED;
}

/** Say so beside the job if no worker serves the plugin's queue (GET /{{ cookiecutter.plugin_name }}/workers). */
function warnWithoutWorkers(el) {
    restRequest({ url: '{{ cookiecutter.plugin_name }}/workers', error: null }).done(({ serving }) => {
        el.find('.g-{{ cookiecutter.plugin_name }}-no-worker').toggleClass('hide', serving !== false);
    });
}

function show(el, job, JobStatus) {
    if (!waiting(job, JobStatus)) {
        el.find('.g-{{ cookiecutter.plugin_name }}-no-worker').addClass('hide');
    }
    el.find('.g-{{ cookiecutter.plugin_name }}-job-link').text(job.title);
    el.find('.g-{{ cookiecutter.plugin_name }}-job-status').text(JobStatus.text(job.status));
    const finished = JobStatus.finished(job.status);
    el.find('.g-{{ cookiecutter.plugin_name }}-cancel').toggleClass('hide', finished || job.status === JobStatus.WORKER_CANCELING);
    if (job.progress && job.progress.total) {
        const percent = Math.round(100 * job.progress.current / job.progress.total);
        el.find('.progress').removeClass('hide');
        el.find('.progress-bar').css('width', `${percent}%`).text(job.progress.message || `${percent}%`);
    }
    if (job.status === JobStatus.ERROR) {
        const log = (job.log || []).join('').split('\n').slice(-LOG_LINES).join('\n');
        el.find('.g-{{ cookiecutter.plugin_name }}-job-end').html('<pre class="g-{{ cookiecutter.plugin_name }}-job-log"></pre>')
            .find('pre').text(log);
    }
}
