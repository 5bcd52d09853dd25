// `pnpm audit:verify`: checks the audit trail's hash chain of the configured database
// (DATABASE_URL, else the embedded one under DATA_DIR) and names the first broken link.
// Exit 0 intact, 1 broken, 2 usage, 75 the embedded database is in use by a running server.
import { describeChainReport, verifyAuditChain } from '../audit/audit-chain.js';
import { MaintenanceError, openExistingDatabase } from '../db/maintenance.js';
import { runMain } from './run-main.js';

runMain(async (config) => {
  const handle = await openExistingDatabase(config);
  try {
    const hasChain = await handle.db.introspection.getTables();
    if (!hasChain.some((t) => t.name === 'audit_chain_head')) {
      throw new MaintenanceError(
        'This database has no audit chain yet: start the server once (it migrates), then verify',
      );
    }
    const report = await verifyAuditChain(handle.db);
    const line = describeChainReport(report);
    if (report.intact) process.stdout.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
    return report.intact ? 0 : 1;
  } finally {
    await handle.close();
  }
});
