/**
 * What a certificate's Doc and mail say, taken from the registry's rows: the add-on's job
 * (`src/gas/certificates/issue.ts`) and the worker's (`src/worker/certificates.ts`) both hold the
 * holders, the courses and the settings, and must say the same.
 */
import type { Certificate, Course, Employee, Settings } from '../registry/schemas';
import { placeholderValues, type Placeholder } from './placeholders';
import { certificateMail, issuerName } from './template';

/** The registry a certificate job has read: the people and courses by key, and the settings. */
export interface CertificateRegistry {
  readonly employees: ReadonlyMap<string, Employee>;
  readonly courses: ReadonlyMap<string, Course>;
  readonly settings: Settings;
}

/** The certificate's mail: its holder by name (a plain greeting when the row is gone), its course by title. */
export function certificateMailOf(
  record: Certificate,
  registry: CertificateRegistry,
  verificationUrl: string,
): { subject: string; body: string } {
  const holder = registry.employees.get(record.employeeId);
  return certificateMail({
    name: holder ? `${holder.firstName} ${holder.lastName}` : '',
    courseTitle: registry.courses.get(record.course)?.title ?? record.course,
    courseCode: record.course,
    number: record.number,
    verificationCode: record.verificationCode,
    version: record.version,
    issuer: issuerName(registry.settings.orgName, registry.settings.senderName),
    verificationUrl,
  });
}

/** The placeholders' values of one holder's certificate of one course. */
export function placeholderValuesOf(
  employee: Employee,
  course: Course,
  settings: Settings,
  issue: {
    hoursAttended: number;
    sessionDates: readonly string[];
    issuedOn: string;
    number: string;
    verificationCode: string;
    verificationUrl: string;
  },
): Record<Placeholder, string> {
  return placeholderValues({
    issuer: issuerName(settings.orgName, settings.senderName),
    firstName: employee.firstName,
    lastName: employee.lastName,
    comune: employee.comune,
    courseTitle: course.title,
    courseCode: course.code,
    area: course.area,
    courseHours: course.hours,
    teacher: course.teacher,
    ...issue,
  });
}
