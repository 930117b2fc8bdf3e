/**
 * The custom metrics the infrastructure alarms on. The project-event function
 * emits them with Powertools Metrics (EMF): namespace `OcopPulse`, dimension
 * `service` = `project-event` (Powertools adds it from the service name), one
 * count per event.
 */
export const METRICS_NAMESPACE = 'OcopPulse';
export const EVENTS_ACCEPTED_METRIC = 'EventsAccepted';
export const EVENTS_REJECTED_METRIC = 'EventsRejected';
export const PROJECT_EVENT_SERVICE = 'project-event';
