// The default example: compute a Fibonacci number on a worker and read it here.
// The route's result hook stores the task's return value, as JSON text, in the job's
// meta.result (see {{ cookiecutter.plugin_name }}/jobresult.py): girder_jobs does not keep return values.

import { addPage } from '../entries';
import JobFormView from '../jobform';

const { $ } = girder;

const FibonacciView = JobFormView.extend({
    title: 'Fibonacci number',
    description: 'Computes the n-th Fibonacci number on a worker.',
    route: '{{ cookiecutter.plugin_name }}/fibonacci',
    fields: [{ name: 'n', label: 'n, a whole number from 1 to 20000', value: '26' }],

    showResult(job) {
        const result = job.meta && job.meta.result;
        return $('<p class="g-{{ cookiecutter.plugin_name }}-result"></p>').text(result ?? 'The job stored no result.');
    }
});

addPage({ route: FibonacciView.prototype.route, name: 'Fibonacci', icon: 'icon-cog', view: FibonacciView });
