// Girder loads this bundle before it starts its app. Each module in pages/ is the page of one
// example and registers its own entry point (a route, a link in the navigation, an item action)
// when it is imported: adding or removing an example is adding or removing its file.
import './style.css';

import.meta.glob('./pages/*.js', { eager: true });
