/**
 * The add-on's entry points: everything exported here becomes a top-level function of dist/Code.js
 * (menu items, triggers and the server functions the sidebar calls); nothing else is top-level.
 */
export { onOpen, onInstall } from './menu';
export { showSidebar } from './menu';
export {
  showCertificatesPreview,
  showComuniSummariesPreview,
  showFeedbackFormPreview,
  showRetentionPreview,
  showCalendarSyncPreview,
} from './previews/menu';
export { setupAcademy, onRegistryEdit } from './setup/entry';
export {
  prepareAttendance,
  prepareAttendanceForSelection,
  importMeetAttendance,
  importMeetAttendanceFromMenu,
  previewMeetAttendance,
} from './attendance/entry';
export { issueCertificates, previewCertificates, reissueCertificate } from './certificates/entry';
export { reserveCertificatesForWorker } from './certificates/remote';
export { runJobs, getJobsProgress } from './jobs/entry';
export { syncCalendar } from './calendar/entry';
export { previewCalendarSync } from './calendar/preview';
export {
  publishEnrollmentForm,
  onFormSubmit,
  reconcileResponses,
  enrollManually,
  cancelEnrollment,
} from './enrollment/entry';
export {
  getDashboard,
  getCourseView,
  confirmPendingEnrollment,
  promoteFromWaitlist,
  selectCell,
} from './dashboard/entry';
export { previewComuniSummaries, refreshReports, sendComuniSummaries } from './reports/entry';
export { getWorkerContext } from './reports/worker-context';
export { doGet } from './webapp/doGet';
export { decideApproval } from './approval/decide';
export { runDailyTasks } from './reminders/entry';
export { previewFeedbackForm, publishFeedbackForm } from './feedback/entry';
export { applyRetention, previewRetention } from './privacy/entry';
export { retryParkedMail, sendQueuedMail } from './mail/entry';
export { previewExternalTraining, importExternalTraining } from './external/entry';
export {
  sendComunePageLink,
  previewComunePageLinks,
  sendComunePageLinks,
  revokeComunePageLink,
} from './comune-page/entry';
export { previewTrainingYear, startNextTrainingYear, startTrainingYear } from './years/entry';
