// The girder_io example, on an item's page: Actions → Count lines. The count comes back into
// the item as a file named after the input.

import { addItemAction } from '../entries';
import { openFileTaskPanel } from '../filetask';

addItemAction({
    label: 'Count lines',
    icon: 'icon-doc-text',
    className: 'g-{{ cookiecutter.plugin_name }}-count-lines',
    open: (itemView) => openFileTaskPanel(itemView, {
        title: 'Count lines',
        route: '{{ cookiecutter.plugin_name }}/count_lines',
        note: 'A worker counts the lines of the file; the count comes back into this item ' +
            'as <file name>.lines.txt.'
    })
});
