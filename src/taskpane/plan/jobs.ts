/** What planning loads on first use (see controller.ts): the planner, the forms, and the preview's totals. */
export { planJob, planOf } from '../../jobs/plan';
export { previewModel } from './preview';
