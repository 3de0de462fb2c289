/**
 * The words of the self-enrolment form a customer fills in on their own phone
 * (served by the cloud, cloud/self-enrol/form.ts), named once here beside the
 * engine so the one catalogue knows who says them.
 */
import { msg } from './i18n';
import type { Msg } from './i18n';

export const selfEnrolWords = {
  title: (club: string): Msg => msg('selfEnrol.title', { club }),
  intro: (): Msg => msg('selfEnrol.intro'),
  phone: (): Msg => msg('ui.enrol.phone'),
  firstName: (): Msg => msg('selfEnrol.firstNameOptional'),
  emailAddress: (): Msg => msg('selfEnrol.emailOptional'),
  emailNeeded: (): Msg => msg('selfEnrol.emailNeeded'),
  terms: (club: string, version: string): Msg => msg('selfEnrol.terms', { club, version }),
  readTerms: (): Msg => msg('selfEnrol.readTerms'),
  termsRequired: (): Msg => msg('selfEnrol.termsRequired'),
  consentHeading: (): Msg => msg('selfEnrol.consentHeading'),
  sms: (): Msg => msg('selfEnrol.smsMine'),
  email: (): Msg => msg('selfEnrol.emailMine'),
  consentHint: (): Msg => msg('ui.enrol.consentHint'),
  submit: (): Msg => msg('selfEnrol.submit'),
  done: (number: string): Msg => msg('selfEnrol.done', { number }),
  already: (): Msg => msg('selfEnrol.already'),
  expired: (): Msg => msg('selfEnrol.expired'),
  used: (): Msg => msg('selfEnrol.used'),
  unknown: (): Msg => msg('selfEnrol.unknown'),
  stale: (): Msg => msg('selfEnrol.stale'),
  busy: (): Msg => msg('selfEnrol.busy'),
  failed: (): Msg => msg('selfEnrol.failed'),
  language: (): Msg => msg('ui.lang.group'),
  club: (): Msg => msg('ui.club.title'),
};
