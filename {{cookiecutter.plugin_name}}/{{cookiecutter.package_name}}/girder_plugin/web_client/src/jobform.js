// The page of a described task: a form made from its description (GET /{{ cookiecutter.plugin_name }}/tasks), which
// runs the task's route and follows the job it returns. The route checks the values: its 400
// message shows beside the form, and no job is made. Numbers take the description's range and
// step, choices are a select, a yes/no a checkbox, and Girder data is chosen in Girder's own
// browser.

import { followJob } from './job';

const { $, _ } = girder;
const { View } = girder.views;
const { BrowserWidget } = girder.views.widgets;
const { restRequest } = girder.rest;
const { getCurrentUser } = girder.auth;

const NUMBERS = ['integer', 'number', 'range'];
// A value goes by its id (its name in the task, unless the description gives another).
// What each kind of Girder data is, as the browser picks it: a file comes from the item chosen.
const GIRDER = {
    'girder-file': { noun: 'file', selectItem: true },
    file: { noun: 'item', selectItem: true },
    directory: { noun: 'folder', selectItem: false }
};

function fieldId(value) {
    return `g-{{ cookiecutter.plugin_name }}-${value.id}`;
}

function defaultOf(value) {
    return value.default ? value.default.data : undefined;
}

/** The form control of one input or output, as its description says. */
function control(value) {
    const id = fieldId(value);
    const name = _.escape(value.id);
    const initial = defaultOf(value);
    if (GIRDER[value.type]) {
        return `<input type="hidden" id="${id}" name="${name}">
            <div class="input-group">
                <span class="g-{{ cookiecutter.plugin_name }}-chosen form-control" data-for="${name}"></span>
                <span class="input-group-btn"><button type="button" class="g-{{ cookiecutter.plugin_name }}-choose btn btn-default"
                    data-for="${name}">Choose…</button></span>
            </div>`;
    }
    if (value.values) {
        const options = value.values.map((choice) => `<option value="${_.escape(choice)}"
            ${choice === initial ? 'selected' : ''}>${_.escape(choice)}</option>`);
        return `<select id="${id}" name="${name}" class="form-control">${options.join('')}</select>`;
    }
    if (value.type === 'boolean') {
        return `<input type="checkbox" id="${id}" name="${name}" ${initial ? 'checked' : ''}>`;
    }
    const limits = NUMBERS.includes(value.type)
        ? ['min', 'max', 'step'].filter((key) => key in value)
            .map((key) => `${key}="${_.escape(value[key])}"`).join(' ')
        : '';
    const type = NUMBERS.includes(value.type) ? 'number' : 'text';
    return `<input id="${id}" name="${name}" class="form-control" type="${type}" ${limits}
        value="${initial === undefined ? '' : _.escape(initial)}">`;
}

const DescribedTaskView = View.extend({
    events: {
        'submit form': 'run',
        'click .g-{{ cookiecutter.plugin_name }}-choose': 'choose',
        'click .g-{{ cookiecutter.plugin_name }}-login': () => girder.events.trigger('g:loginUi')
    },

    initialize(settings) {
        this.task = settings.task;
        this.values = [...this.task.inputs, ...this.task.outputs];
        this.render();
        if (settings.jobId && getCurrentUser()) {
            this.follow(settings.jobId);
        }
    },

    render() {
        const fields = this.values.map((value) => `<div class="form-group">
            <label for="${fieldId(value)}">${_.escape(value.description || value.id)}</label>
            ${control(value)}
        </div>`).join('');
        // Anyone may see the page; running needs an account. The route checks the values, so
        // the browser's own checks of the number fields stay off (novalidate).
        const form = getCurrentUser()
            ? `<form novalidate>${fields}
                <p class="g-{{ cookiecutter.plugin_name }}-error"></p>
                <button type="submit" class="btn btn-primary">Run</button></form>`
            : `<p>Log in to run this.</p>
                <button type="button" class="g-{{ cookiecutter.plugin_name }}-login btn btn-primary">Log in</button>`;
        this.$el.html(`<div class="g-{{ cookiecutter.plugin_name }}-page">
            <div class="g-body-title">${_.escape(this.task.title)}</div>
            <p>${_.escape(this.task.description)}</p>
            ${form}
            <div class="g-{{ cookiecutter.plugin_name }}-job-container"></div>
        </div>`);
        return this;
    },

    /** Open Girder's browser for one Girder input or output, and keep what is chosen. */
    choose(event) {
        const value = _.findWhere(this.values, { id: $(event.currentTarget).attr('data-for') });
        const kind = GIRDER[value.type];
        const browser = new BrowserWidget({
            parentView: this,
            titleText: value.description || value.id,
            submitText: 'Choose',
            showItems: kind.selectItem,
            selectItem: kind.selectItem,
            root: getCurrentUser(),
            validate: (model) => {
                const type = model && model.get('_modelType');
                return type === (kind.selectItem ? 'item' : 'folder') ? undefined : `Choose a ${kind.noun}.`;
            }
        });
        browser.on('g:saved', (model) => {
            // A file is one of the chosen item's files.
            const chosen = value.type === 'girder-file'
                ? restRequest({ url: `item/${model.id}/files`, data: { limit: 0 } })
                : $.Deferred().resolve([{ _id: model.id, name: model.name() }]);
            chosen.done((documents) => this.showChosen(value, documents));
        });
        browser.setElement($('#g-dialog-container')).render();
    },

    /** Keep the first of the documents chosen for value, and offer the others in a select. */
    showChosen(value, documents) {
        const field = this.$(`#${fieldId(value)}`).val(documents.length ? documents[0]._id : '');
        const shown = this.$(`.g-{{ cookiecutter.plugin_name }}-chosen[data-for="${value.id}"]`);
        if (documents.length < 2) {
            shown.text(documents.length ? documents[0].name : 'That item holds no file.');
            return;
        }
        const select = $('<select class="g-{{ cookiecutter.plugin_name }}-file"></select>').append(
            documents.map((document) => $('<option>').val(document._id).text(document.name)));
        select.on('change', () => field.val(select.val()));
        shown.empty().append(select);
    },

    run(event) {
        event.preventDefault();
        // Only what was given: the route takes each default itself.
        const data = {};
        for (const value of this.values) {
            const field = this.$(`#${fieldId(value)}`);
            const given = value.type === 'boolean' ? String(field.prop('checked')) : field.val();
            if (given !== '') {
                data[value.id] = given;
            }
        }
        // A result shown is the last run's, of other values.
        this.$('.g-{{ cookiecutter.plugin_name }}-job-container').empty();
        this.$('.form-group').removeClass('has-error');
        this.$('.g-{{ cookiecutter.plugin_name }}-error').text('');
        this.$('button[type="submit"]').prop('disabled', true);
        // error: null leaves errors to .fail, instead of Girder's pop-up alert.
        restRequest({ url: this.task.route, method: 'POST', data, error: null })
            .done((job) => {
                girder.router.navigate(`${this.task.route}/${job._id}`);
                this.follow(job._id);
            })
            .fail((xhr) => {
                const answer = xhr.responseJSON || {};
                const message = answer.message || xhr.statusText;
                // The route names the bad parameter: only its field is marked, or else all.
                const field = answer.field ? this.$(`#${fieldId({ id: answer.field })}`) : $();
                const marked = field.length ? field.closest('.form-group') : this.$('.form-group');
                marked.addClass('has-error');
                this.$('.g-{{ cookiecutter.plugin_name }}-error').text(message);
            })
            .always(() => this.$('button[type="submit"]').prop('disabled', false));
    },

    follow(jobId) {
        // A view of its own: a job still followed from an earlier run writes into its own.
        const el = $('<div></div>').appendTo(this.$('.g-{{ cookiecutter.plugin_name }}-job-container').empty());
        followJob(el, jobId).then((job) => {
            if (job.status === girder.plugins.jobs.JobStatus.SUCCESS) {
                el.find('.g-{{ cookiecutter.plugin_name }}-job-end').append(this.showResult(job));
            }
        });
    },

    /** What the job's task returned (kept as JSON text), or where its result went. */
    showResult(job) {
        if (this.task.outputs.length) {
            return $('<p class="g-{{ cookiecutter.plugin_name }}-result-note"></p>')
                .text(`The result went into ${this.$('.g-{{ cookiecutter.plugin_name }}-chosen').last().text() || 'its place'}.`);
        }
        const result = job.meta && job.meta.result;
        return $('<p class="g-{{ cookiecutter.plugin_name }}-result"></p>').text(result ?? 'The job stored no result.');
    }
});

export default DescribedTaskView;
