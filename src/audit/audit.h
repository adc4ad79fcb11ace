/* SPDX-License-Identifier: Apache-2.0 */
/* Internal interface of the audit log and helpers shared by the stateful modules (licence, inspect,
 * ship, ledger): canonical JSON, name normalisation, the time stamp. */
#ifndef TG_AUDIT_INT_H
#define TG_AUDIT_INT_H

#include <jansson.h>
#include "tg/audit.h"
#include "tg/store.h"

/* Append one entry (inside the caller's transaction). data_json is a canonical JSON value (sorted
 * keys, compact) or NULL for null. Returns TG_OK or a store/memory error. */
int tg__audit_append(tg_store *st, const char *actor, const char *kind, const char *subject,
		     const char *data_json, tg_err *err);

/* A batch of appends in one write transaction (group commit): between begin and end the chain's head
 * is kept in memory instead of being read and rewritten per entry; end writes the head row and must
 * run before the commit (a commit with the head unwritten fails). A rollback discards the batch. */
void tg__audit_batch_begin(tg_store *st);
int tg__audit_batch_end(tg_store *st, tg_err *err);

/* Canonical text (sorted keys, compact, ASCII) of v and its SHA-256 hex; *out is malloc'd by jansson
 * (free with free()). */
int tg__canon(char **out, char hash[65], const json_t *v, tg_err *err);

/* Normalised party / exporter name for comparisons (screen normalisation). */
void tg__name_norm(char out[512], const char *name);

/* Run fn inside one write transaction; commit on TG_OK (or a positive result), roll back otherwise. */
int tg__in_txn(tg_store *st, int (*fn)(void *arg, tg_err *err), void *arg, tg_err *err);

/* A guarded status change inside the caller's transaction: `sel` reads the status of row `id`
 * (one `?`), which must equal `want`; then `upd` runs with (`value`, `id`) bound. TG_ENOTFOUND names
 * "<what> '<id>' not found", TG_EINVALID "<what> '<id>' is already <status>". */
int tg__status_change(tg_store *st, const char *sel, const char *upd, const char *what, const char *id,
		      const char *want, const char *value, tg_err *err);

/* Schema steps (audit_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__audit_schema_1[];

#endif
