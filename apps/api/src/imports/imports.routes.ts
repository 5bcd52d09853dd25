import fastifyMultipart from '@fastify/multipart';
import {
  errorBody,
  idParams,
  importAccepted,
  importJobSchema,
  importMapping,
  importQuery,
  importRejectedBody,
  importReport,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import {
  AppError,
  FileTooLargeError,
  ImportRejectedError,
  issue,
  ValidationError,
} from '../errors.js';
import { issuesFromZod } from '../i18n/issues.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { getImportJob, startImportJob } from './import-jobs.js';
import { MAX_IMPORT_BYTES, runImport } from './imports.service.js';

const tags = ['csv'];

export const importRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: 1024 * 1024, parts: 6 },
  });

  app.post(
    '/imports',
    {
      // The upload is streamed by the multipart parser; its own limit applies, not bodyLimit.
      bodyLimit: MAX_IMPORT_BYTES + 2 * 1024 * 1024,
      schema: {
        tags,
        security,
        summary:
          'Import figures from a CSV (multipart: file, mapping): a dry run unless commit=true',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: {
          200: importReport,
          202: importAccepted,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
          413: errorBody,
          422: importRejectedBody,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_IMPORT_BYTES + 2 * 1024 * 1024)
        throw new FileTooLargeError(MAX_IMPORT_BYTES);
      if (!req.isMultipart()) {
        throw new ValidationError(
          'Send multipart/form-data with a file part and a mapping part',
          issue('', 'invalid_upload'),
        );
      }
      let file: Buffer | undefined;
      let filename: string | undefined;
      let mappingText: string | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') {
              throw new ValidationError(
                `Unexpected file part ${part.fieldname}; name it file`,
                issue(part.fieldname, 'unknown_field', { field: part.fieldname }),
              );
            }
            file = await part.toBuffer();
            filename = part.filename;
          } else if (part.fieldname === 'mapping') {
            mappingText = String(part.value);
          } else {
            throw new ValidationError(
              `Unexpected field ${part.fieldname}`,
              issue(part.fieldname, 'unknown_field', { field: part.fieldname }),
            );
          }
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
          throw new FileTooLargeError(MAX_IMPORT_BYTES);
        }
        if (code?.startsWith('FST_')) {
          throw new ValidationError((err as Error).message, issue('', 'invalid_upload'));
        }
        if (err instanceof AppError) throw err;
        // The multipart parser's own errors (a body that ends early, no boundary): a malformed
        // upload, which is the caller's to fix.
        throw new ValidationError(
          'The upload is not well-formed multipart/form-data',
          issue('', 'invalid_upload'),
        );
      }
      if (!file)
        throw new ValidationError('file: the CSV file is missing', issue('file', 'required'));
      let raw: unknown = {};
      if (mappingText !== undefined && mappingText.trim() !== '') {
        try {
          raw = JSON.parse(mappingText);
        } catch {
          throw new ValidationError(
            'mapping: not valid JSON',
            issue('mapping', 'invalid_format', { format: 'json' }),
          );
        }
      }
      const parsed = importMapping.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new ValidationError(
          `mapping${first?.path.length ? `.${first.path.join('.')}` : ''}: ${first?.message ?? 'invalid'}`,
          issuesFromZod(parsed.error.issues, 'mapping', raw),
        );
      }
      const input = { file, filename, mapping: parsed.data };
      const commit = req.query.commit ?? false;
      if (req.query.async) {
        return reply.code(202).send(await startImportJob(db, actor, input, commit, ctx.engine));
      }
      const report = await runImport(db, actor, input, commit, { engine: ctx.engine });
      if (commit && !report.committed) {
        return reply.code(422).send({
          ...report,
          error: {
            code: ImportRejectedError.code,
            message: `${report.rejected.length} row(s) were rejected, so nothing was written; the first is line ${report.rejected[0]?.line}`,
          },
        });
      }
      return report;
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        security,
        summary: "An import job's status, progress and, once done, its report",
        params: idParams,
        response: { 200: importJobSchema, ...errors },
      },
    },
    async (req) => getImportJob(db, actorOf(req), req.params.id),
  );
};
