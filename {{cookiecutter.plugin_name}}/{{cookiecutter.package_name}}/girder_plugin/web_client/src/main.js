// Girder loads this bundle before it starts its app. Every described task of the plugin gets
// its page from its description (entries.js); a module in pages/ is a page written by hand,
// which registers itself when it is imported.
import './style.css';
import './entries';

import.meta.glob('./pages/*.js', { eager: true });
