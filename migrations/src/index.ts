// Every migration, in order. Names are timestamps so that branches merge without renumbering.
import type { Migration } from 'kysely';
import * as foundation from './20261126070000-foundation.js';
import * as scorecards from './20261126080000-scorecards.js';
import * as curvePlans from './20261126085000-curve-plans.js';
import * as importJobs from './20261126090000-import-jobs.js';
import * as publicLinks from './20261126093000-public-links.js';
import * as systemMap from './20261126095000-system-map.js';
import * as scorecardTotalsIndex from './20261126110000-scorecard-totals-index.js';
import * as refreshTokens from './20261126120000-refresh-tokens.js';
import * as auditChain from './20261126121000-audit-chain.js';
import * as importJobHeartbeat from './20261126122000-import-job-heartbeat.js';
import * as submissionChecks from './20261206010000-submission-checks.js';
import * as reopen from './20261206020000-reopen.js';
import * as mail from './20261206030000-mail.js';
import * as partnerships from './20261206040000-partnerships.js';
import * as surveyMail from './20261206050000-survey-mail.js';
import * as frenchNames from './20261207010000-french-names.js';
import * as dataVersion from './20261207020000-data-version.js';
import * as coreServicesFr from './20261207030000-core-services-fr.js';
import * as saveFigure from './20261208010000-save-figure.js';
import * as bulkImport from './20261208020000-bulk-import.js';
import * as importUndo from './20261209010000-import-undo.js';

export const migrations: Record<string, Migration> = {
  '20261126070000-foundation': foundation,
  '20261126080000-scorecards': scorecards,
  '20261126085000-curve-plans': curvePlans,
  '20261126090000-import-jobs': importJobs,
  '20261126093000-public-links': publicLinks,
  '20261126095000-system-map': systemMap,
  '20261126110000-scorecard-totals-index': scorecardTotalsIndex,
  '20261126120000-refresh-tokens': refreshTokens,
  '20261126121000-audit-chain': auditChain,
  '20261126122000-import-job-heartbeat': importJobHeartbeat,
  '20261206010000-submission-checks': submissionChecks,
  '20261206020000-reopen': reopen,
  '20261206030000-mail': mail,
  '20261206040000-partnerships': partnerships,
  '20261206050000-survey-mail': surveyMail,
  '20261207010000-french-names': frenchNames,
  '20261207020000-data-version': dataVersion,
  '20261207030000-core-services-fr': coreServicesFr,
  '20261208010000-save-figure': saveFigure,
  '20261208020000-bulk-import': bulkImport,
  '20261209010000-import-undo': importUndo,
};
