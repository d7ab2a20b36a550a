/**
 * The shapes the enrollment policy works on. They are the subsets of the registry records
 * (src/core/registry/schemas.ts) that the policy reads, so registry records fit them as they are and the
 * policy stays testable with small literals.
 */

export type { EnrollmentStatus, EnrollmentOrigin } from '../registry/tabs';
import type { EnrollmentStatus, EnrollmentOrigin } from '../registry/tabs';

/** Statuses of an enrollment that is still alive: a second request for the same course is a duplicate. */
export const LIVE_STATUSES: readonly EnrollmentStatus[] = [
  'Confermata',
  'In attesa',
  'In approvazione',
  'Da verificare',
];

export interface EnrollmentRecord {
  id: string;
  requestedAt: Date;
  course: string;
  email: string;
  employeeId: string;
  status: EnrollmentStatus;
  waitPosition: number | null;
  origin: EnrollmentOrigin;
  responseId: string;
  notes: string;
}

export interface CourseInfo {
  code: string;
  title: string;
  seats: number;
  audience: readonly string[];
  status: string;
}

export interface EmployeeInfo {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  comune: string;
  role: string;
  active: boolean;
}

export interface ComuneInfo {
  name: string;
  feePaid: boolean;
  referentEmail: string;
}

export interface PolicySettings {
  requireFeePaid: boolean;
  referentApproval: boolean;
  maxSeatsPerComune: number | null;
}
