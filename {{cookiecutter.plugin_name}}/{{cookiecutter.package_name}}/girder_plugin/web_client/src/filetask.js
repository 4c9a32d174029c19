// Running one of the plugin's routes on a file of the item whose page is open: the route
// takes fileId and itemId, and its task writes a result into the item. The panel opens above
// the item's info; when the job succeeds, done(itemView) shows the result: by default, the
// item's file list is fetched again.

import { followJob } from './job';

const { $, _ } = girder;
const { restRequest } = girder.rest;

/** Open the panel of one route on itemView (Girder's ItemView). */
export function openFileTaskPanel(itemView, { title, route, note, done = refetchFiles }) {
    const files = itemView.fileListWidget.collection;
    const options = files.map((file) =>
        `<option value="${_.escape(file.id)}">${_.escape(file.name())}</option>`).join('');
    const panel = $(`<div class="g-{{ cookiecutter.plugin_name }}-panel panel panel-default">
        <div class="panel-heading">${_.escape(title)}</div>
        <form class="panel-body">
            <p>${_.escape(note)}</p>
            <div class="form-group">
                <label>File</label>
                <select class="g-{{ cookiecutter.plugin_name }}-file form-control" name="fileId">${options}</select>
            </div>
            <p class="g-{{ cookiecutter.plugin_name }}-error"></p>
            <button type="submit" class="btn btn-primary">Run</button>
            <div class="g-{{ cookiecutter.plugin_name }}-job-container"></div>
        </form>
    </div>`);
    // One panel at a time.
    itemView.$('.g-{{ cookiecutter.plugin_name }}-panel').remove();
    itemView.$('.g-item-header').after(panel);

    panel.find('form').on('submit', (event) => {
        event.preventDefault();
        panel.find('.g-{{ cookiecutter.plugin_name }}-error').text('');
        panel.find('button[type="submit"]').prop('disabled', true);
        const data = { fileId: panel.find('.g-{{ cookiecutter.plugin_name }}-file').val(), itemId: itemView.model.id };
        restRequest({ url: route, method: 'POST', data, error: null })
            .done((job) => {
                followJob(panel.find('.g-{{ cookiecutter.plugin_name }}-job-container'), job._id).then((ended) => {
                    if (ended.status === girder.plugins.jobs.JobStatus.SUCCESS) {
                        done(itemView);
                    }
                });
            })
            .fail((xhr) => {
                const message = (xhr.responseJSON && xhr.responseJSON.message) || xhr.statusText;
                panel.find('.g-{{ cookiecutter.plugin_name }}-error').text(message);
            })
            .always(() => panel.find('button[type="submit"]').prop('disabled', false));
    });
}

function refetchFiles(itemView) {
    itemView.fileListWidget.collection.fetch(null, true);
}
