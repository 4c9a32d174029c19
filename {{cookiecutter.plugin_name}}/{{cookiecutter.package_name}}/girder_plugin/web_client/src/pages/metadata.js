// The girder_client example, on an item's page: Actions → Count words into metadata. A worker
// reads the file with a token of the user's, for this job alone; the counts come back as the
// item's metadata, under the plugin's name.

import { addItemAction } from '../entries';
import { openFileTaskPanel } from '../filetask';

addItemAction({
    label: 'Count words into metadata',
    icon: 'icon-tags',
    className: 'g-{{ cookiecutter.plugin_name }}-count-words-into-metadata',
    open: (itemView) => openFileTaskPanel(itemView, {
        title: 'Count words into metadata',
        route: '{{ cookiecutter.plugin_name }}/count_words_into_metadata',
        note: 'A worker counts the lines and words of the file and writes them into this ' +
            'item\'s metadata, under {{ cookiecutter.plugin_name }}.',
        // The counts are in the item itself: fetch it again, and show it again.
        done: (view) => view.model.once('g:fetched', () => view.render()).fetch()
    })
});
