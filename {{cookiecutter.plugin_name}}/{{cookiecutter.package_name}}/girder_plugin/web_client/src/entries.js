// Where a person finds the pages in Girder's layout: links in the global navigation on the
// left{% if cookiecutter.docker_task %}, and entries in the "Actions" menu of an item's page{% endif %}. Every described task has a page,
// made from its description (GET /{{ cookiecutter.plugin_name }}/tasks); a page written by hand calls
// addPage{% if cookiecutter.docker_task %} or addItemAction{% endif %} when it is imported.

import DescribedTaskView from './jobform';

const { $, _ } = girder;
{% if cookiecutter.docker_task %}
const { getCurrentUser } = girder.auth;
const { AccessType } = girder.constants;
{% endif %}
const { restRequest } = girder.rest;
const { wrap } = girder.utilities.PluginUtils;

const PLUGIN = '{{ cookiecutter.plugin_name }}';
const pages = [];
{% if cookiecutter.docker_task %}
const itemActions = [];
{% endif %}
let tasks = null;

/** The plugin's described tasks, asked for once: a promise of their descriptions. */
function describedTasks() {
    tasks = tasks || restRequest({ url: `${PLUGIN}/tasks` });
    return tasks;
}

/** Show view on the page, and light up its link in the navigation. */
function show(view, settings, name) {
    girder.events.trigger('g:navigateTo', view, settings);
    // Girder's way to light up a page's link: the link whose g-name is this, less "View".
    girder.events.trigger('g:highlightItem', `${name}View`);
}

/**
 * A page of its own: the route `#<route>` (and `#<route>/<job id>`, which follows that job),
 * and a link to it in the global navigation.
 */
export function addPage({ route, name, icon, view }) {
    girder.router.route(`${route}(/:jobId)`, route, (jobId) => show(view, { jobId }, name));
    pages.push({ route, name, icon });
}
{% if cookiecutter.docker_task %}

/**
 * An entry in the "Actions" menu of an item's page, for users who may write to the item.
 * open(itemView) runs when it is chosen.
 */
export function addItemAction({ label, icon, className, open }) {
    itemActions.push({ label, icon, className, open });
}
{% endif %}

// The described tasks' pages, under one route; a page added by hand comes later, so its own
// route wins.
girder.router.route(`${PLUGIN}/:task(/:jobId)`, `${PLUGIN}-task`, (name, jobId) => {
    describedTasks().done((described) => {
        const task = _.findWhere(described, { name });
        if (task) {
            show(DescribedTaskView, { task, jobId }, task.title);
        }
    });
});

function link({ route, name, icon }) {
    return `<li class="g-global-nav-li">
        <a class="g-nav-link" g-target="${_.escape(route)}" g-name="${_.escape(name)}"
            href="#${_.escape(route)}">
            <i class="${_.escape(icon)}"></i><span>${_.escape(name)}</span>
        </a></li>`;
}

// GlobalNavView renders again on login and logout; the first time, before the descriptions
// have come, and again once they have.
wrap(girder.views.layout.GlobalNavView, 'render', function (render) {
    render.call(this);
    const nav = this.$('.g-global-nav');
    describedTasks().done((described) => {
        const all = [
            ...described.map((task) => ({ route: task.route, name: task.title, icon: 'icon-cog' })),
            ...pages
        ];
        nav.find(`.g-${PLUGIN}-link`).remove();
        for (const page of _.sortBy(all, 'name')) {
            nav.append($(link(page)).addClass(`g-${PLUGIN}-link`));
        }
    });
    return this;
});
{% if cookiecutter.docker_task %}

wrap(girder.views.body.ItemView, 'render', function (render) {
    // ItemView renders once it knows the user's access level, and says so with g:rendered.
    this.once('g:rendered', () => {
        if (!getCurrentUser() || this.accessLevel < AccessType.WRITE) {
            return;
        }
        for (const action of _.sortBy(itemActions, 'label')) {
            const entry = $(`<li role="presentation">
                <a role="menuitem" class="${_.escape(action.className)}">
                    <i class="${_.escape(action.icon)}"></i>${_.escape(action.label)}
                </a></li>`);
            entry.find('a').on('click', () => action.open(this));
            this.$('.g-item-actions-menu').append(entry);
        }
    });
    return render.call(this);
});
{% endif %}
