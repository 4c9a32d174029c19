// The progress example: a long task whose progress bar moves while it runs, and which stops
// soon after its job is canceled (the Cancel button beside the job's status).

import { addPage } from '../entries';
import JobFormView from '../jobform';

const SequenceView = JobFormView.extend({
    title: 'Fibonacci sequence',
    description: 'Computes the first n Fibonacci numbers on a worker, one every "delay" seconds, ' +
        'reporting its progress.',
    route: '{{ cookiecutter.plugin_name }}/fibonacci_sequence',
    fields: [
        { name: 'n', label: 'n, a whole number from 1 to 20000', value: '20' },
        { name: 'delay', label: 'delay, in seconds, from 0 to 10', value: '0.5' }
    ]
});

addPage({ route: SequenceView.prototype.route, name: 'Fibonacci list', icon: 'icon-list-numbered', view: SequenceView });
