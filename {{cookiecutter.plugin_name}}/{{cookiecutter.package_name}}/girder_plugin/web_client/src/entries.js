// Where a person finds the pages in Girder's layout: links in the global navigation on the
// left, and entries in the "Actions" menu of an item's page. Pages call addPage or
// addItemAction when they are imported; the two wraps below add whatever was registered.

const { $, _ } = girder;
const { getCurrentUser } = girder.auth;
const { AccessType } = girder.constants;
const { wrap } = girder.utilities.PluginUtils;

const pages = [];
const itemActions = [];

/**
 * A page of its own: the route `#<route>` (and `#<route>/<job id>`, which follows that job),
 * and a link to it in the global navigation.
 */
export function addPage({ route, name, icon, view }) {
    girder.router.route(`${route}(/:jobId)`, route, (jobId) => {
        girder.events.trigger('g:navigateTo', view, { jobId });
        // Girder's way to light up a page's link: the link whose g-name is this, less "View".
        girder.events.trigger('g:highlightItem', `${name}View`);
    });
    pages.push({ route, name, icon });
}

/**
 * An entry in the "Actions" menu of an item's page, for users who may write to the item.
 * open(itemView) runs when it is chosen.
 */
export function addItemAction({ label, icon, className, open }) {
    itemActions.push({ label, icon, className, open });
}

// GlobalNavView renders again on login and logout.
wrap(girder.views.layout.GlobalNavView, 'render', function (render) {
    render.call(this);
    for (const page of _.sortBy(pages, 'name')) {
        this.$('.g-global-nav').append(`<li class="g-global-nav-li">
            <a class="g-nav-link" g-target="${_.escape(page.route)}" g-name="${_.escape(page.name)}"
                href="#${_.escape(page.route)}">
                <i class="${_.escape(page.icon)}"></i><span>${_.escape(page.name)}</span>
            </a></li>`);
    }
    return this;
});

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
