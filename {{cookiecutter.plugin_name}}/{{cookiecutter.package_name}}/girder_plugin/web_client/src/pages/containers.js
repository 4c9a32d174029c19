// The docker example, on an item's page: Actions → Count words in a container. A worker runs
// `wc` in a container; the counts come back into the item as a file named after the input.

import { addItemAction } from '../entries';
import { openFileTaskPanel } from '../filetask';

addItemAction({
    label: 'Count words in a container',
    icon: 'icon-cubes',
    className: 'g-{{ cookiecutter.plugin_name }}-count-words',
    open: (itemView) => openFileTaskPanel(itemView, {
        title: 'Count words in a container',
        route: '{{ cookiecutter.plugin_name }}/count_words_in_container',
        note: 'A worker runs wc on the file in a Docker container; the lines, words and bytes ' +
            'come back into this item as <file name>.wc.txt.'
    })
});
