import { defineConfig } from 'vite';

// A library build, as Girder's own plugins make theirs: one script that uses the `girder`
// global (no runtime dependency), and one style sheet. Girder loads both before its app starts.
export default defineConfig({
    build: {
        lib: {
            entry: 'src/main.js',
            name: '{{ cookiecutter.plugin_class }}Pages',
            formats: ['umd'],
            fileName: 'girder-plugin-{{ cookiecutter.plugin_name | lower }}',
            cssFileName: 'style'
        }
    }
});
