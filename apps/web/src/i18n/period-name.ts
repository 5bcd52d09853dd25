// The one way the client writes a period label, in either language: the API's labels
// (`2025`, `2025-Q3`, `2025-07`, `FY2025-26`, `FY2025-26-Q1`) with a fiscal or calendar quarter
// set apart by a space, as people read it (`FY2025-26 Q1`, `2025 Q3`). Charts, tables, headlines
// and sentences all go through here, so a quarter never reads two ways on one screen. The rule
// lives in @rba/domain, which the API's e-mails use too.

export { periodName } from '@rba/domain';
