// A page with a form that runs one of the plugin's routes and follows the job it returns.
// A page extends JobFormView with its title, route and fields, and may say what to show
// when the job has succeeded (showResult). The route checks the input: its 400 message is
// shown beside the form, and no job is made.

import { followJob } from './job';

const { _ } = girder;
const { View } = girder.views;
const { restRequest } = girder.rest;
const { getCurrentUser } = girder.auth;

const JobFormView = View.extend({
    title: '',
    description: '',
    route: '', // the plugin's REST route, relative to /api/v1, and the page's own route
    fields: [], // [{ name, label, value }]: the route's query parameters

    events: {
        'submit form': 'run',
        'click .g-{{ cookiecutter.plugin_name }}-login': () => girder.events.trigger('g:loginUi')
    },

    initialize(settings) {
        this.render();
        if (settings.jobId && getCurrentUser()) {
            this.follow(settings.jobId);
        }
    },

    render() {
        const fields = this.fields.map((field) => `<div class="form-group">
            <label for="g-{{ cookiecutter.plugin_name }}-${field.name}">${_.escape(field.label)}</label>
            <input id="g-{{ cookiecutter.plugin_name }}-${field.name}" name="${field.name}" class="form-control"
                type="text" value="${_.escape(field.value)}">
        </div>`).join('');
        // Anyone may see the page; running needs an account.
        const form = getCurrentUser()
            ? `<form>${fields}
                <p class="g-{{ cookiecutter.plugin_name }}-error"></p>
                <button type="submit" class="btn btn-primary">Run</button></form>`
            : `<p>Log in to run this.</p>
                <button type="button" class="g-{{ cookiecutter.plugin_name }}-login btn btn-primary">Log in</button>`;
        this.$el.html(`<div class="g-{{ cookiecutter.plugin_name }}-page">
            <div class="g-body-title">${_.escape(this.title)}</div>
            <p>${_.escape(this.description)}</p>
            ${form}
            <div class="g-{{ cookiecutter.plugin_name }}-job-container"></div>
        </div>`);
        return this;
    },

    run(event) {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(event.currentTarget));
        this.$('.form-group').removeClass('has-error');
        this.$('.g-{{ cookiecutter.plugin_name }}-error').text('');
        this.$('button[type="submit"]').prop('disabled', true);
        // error: null leaves errors to .fail, instead of Girder's pop-up alert.
        restRequest({ url: this.route, method: 'POST', data, error: null })
            .done((job) => {
                girder.router.navigate(`${this.route}/${job._id}`);
                this.follow(job._id);
            })
            .fail((xhr) => {
                const message = (xhr.responseJSON && xhr.responseJSON.message) || xhr.statusText;
                this.$('.form-group').addClass('has-error');
                this.$('.g-{{ cookiecutter.plugin_name }}-error').text(message);
            })
            .always(() => this.$('button[type="submit"]').prop('disabled', false));
    },

    follow(jobId) {
        const el = this.$('.g-{{ cookiecutter.plugin_name }}-job-container');
        followJob(el, jobId).then((job) => {
            if (job.status === girder.plugins.jobs.JobStatus.SUCCESS) {
                el.find('.g-{{ cookiecutter.plugin_name }}-job-end').append(this.showResult(job));
            }
        });
    },

    /** What to show once the job has succeeded: HTML, or a jQuery element. */
    showResult(job) {
        return '';
    }
});

export default JobFormView;
