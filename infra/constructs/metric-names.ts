/**
 * The custom metrics the infrastructure alarms on, from their one definition
 * (functions/metric-names.ts). project-event emits its counts with dimension
 * `service` = `project-event`.
 */
import { METRICS_NAMESPACE, metricNames, SERVICE_DIMENSION } from '../../functions/metric-names';

export { METRICS_NAMESPACE, metricNames, SERVICE_DIMENSION };
export const EVENTS_ACCEPTED_METRIC = metricNames.eventsAccepted;
export const EVENTS_REJECTED_METRIC = metricNames.eventsRejected;
export const PROJECT_EVENT_SERVICE = 'project-event' satisfies import('../../functions/catalog').FunctionId;
export const ANNOUNCE_REJECTIONS_SERVICE = 'announce-rejections' satisfies import('../../functions/catalog').FunctionId;
