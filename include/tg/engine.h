/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/engine.h
 * @brief The facade the CLI and the HTTP server use: data (catalogue, gates, policy), the store and
 *        the screening index in one handle, and the operations on them.
 */
#ifndef TG_ENGINE_H
#define TG_ENGINE_H

#include "tg/buf.h"
#include "tg/catalog.h"
#include "tg/decision.h"
#include "tg/errors.h"
#include "tg/policy.h"
#include "tg/screen.h"
#include "tg/store.h"

typedef struct tg_engine tg_engine;

typedef struct tg_engine_opts {
	unsigned version;     /**< TG_ENGINE_OPTS_VERSION */
	const char *data_dir; /**< holds catalog/ and policy/; NULL = $TOLLGATE_DATA_DIR, else built-in path */
	const char *db_path;  /**< NULL = tg_store_default_path(NULL) */
	int no_store;         /**< 1 = open no store (pure classification/decisions, no screening) */
} tg_engine_opts;

#define TG_ENGINE_OPTS_VERSION 1
/* clang-format off */
#define TG_ENGINE_OPTS_INIT {TG_ENGINE_OPTS_VERSION, NULL, NULL, 0}
/* clang-format on */

/** Open an engine. Owned by the caller (tg_engine_free). @since 0.1 */
TG_EXTERN int tg_engine_open(tg_engine **out, const tg_engine_opts *opts, tg_err *err);
TG_EXTERN void tg_engine_free(tg_engine *e);

/** Borrowed parts (valid until tg_engine_free). The store is NULL with no_store. @since 0.1 */
TG_EXTERN const tg_catalog *tg_engine_catalog(const tg_engine *e);
TG_EXTERN const tg_policy *tg_engine_policy(const tg_engine *e);
TG_EXTERN const tg_gates *tg_engine_gates(const tg_engine *e);
TG_EXTERN tg_store *tg_engine_store(tg_engine *e);
TG_EXTERN const tg_screener *tg_engine_screener(const tg_engine *e);
/** Rebuild the screening index from the store (after a list load). @since 0.1 */
TG_EXTERN int tg_engine_reload_screener(tg_engine *e, tg_err *err);
/**
 * Has the store's screening data changed since the screener was built (a list snapshot loaded or an
 * override recorded, by this or another process or instance)? One read of the store; *stale = 1 when
 * tg_engine_reload_screener would build a different index. @since 0.3
 */
TG_EXTERN int tg_engine_screener_stale(tg_engine *e, int *stale, tg_err *err);

typedef struct tg_check_opts {
	unsigned version; /**< TG_CHECK_OPTS_VERSION */
	int has_as_of;    /**< 1 = judge under the rules in force on as_of instead of the order's date */
	tg_date as_of;
	int record; /**< 1 = record decisions (idempotent by order id) */
	/**
	 * 1 = commit the recorded batch without waiting for the disk (@since 0.3, version 2): the decisions
	 * are durable only once tg_engine_sync() returns, and must not be acknowledged before. For group-commit
	 * pipelines, which decide and write the next batch while the previous one is synced. SQLite only;
	 * PostgreSQL commits durably anyway.
	 */
	int defer_sync;
} tg_check_opts;

#define TG_CHECK_OPTS_VERSION 2
/* clang-format off */
#define TG_CHECK_OPTS_INIT {TG_CHECK_OPTS_VERSION, 0, 0, 1, 0}
/* clang-format on */

/** The outcome for one order of a batch. */
typedef struct tg_check_result {
	int code;    /**< TG_OK, or the order's own failure (TG_EINVALID, TG_ECONFLICT, ...) */
	tg_err err;  /**< detail when code < 0 */
	tg_buf json; /**< the decision JSON when code == TG_OK (release with tg_check_result_dispose) */
	tg_verdict verdict;
	int replayed; /**< 1 = the order id was already recorded with this content: recorded decision */
} tg_check_result;

/**
 * Decide @p n orders (JSON texts). With opts->record, all of them are recorded in ONE transaction that is
 * committed before this returns (group commit), so a TG_OK result is durable (with opts->defer_sync, once
 * tg_engine_sync() has returned). An order that fails on
 * its own (invalid, conflict) gets its code in its result; the others go on.
 * @return TG_OK, or < 0 when the batch as a whole failed (store error: nothing was recorded).
 * @since 0.1
 */
TG_EXTERN int tg_engine_check_many(tg_check_result *res, size_t n, tg_engine *e, const char *const *texts,
				   const size_t *lens, const tg_check_opts *opts, tg_err *err);
TG_EXTERN void tg_check_result_dispose(tg_check_result *r);
/**
 * Make every commit of this engine's store so far durable (one fdatasync of SQLite's WAL; nothing to do
 * on PostgreSQL). The one engine call that may run in another thread while the engine is in use: it
 * touches only the WAL file. See tg_check_opts.defer_sync. @since 0.3
 */
TG_EXTERN int tg_engine_sync(tg_engine *e, tg_err *err);

/**
 * Set who state changes are attributed to in the audit log. NULL or "" = $TOLLGATE_ACTOR, else $USER,
 * else "unknown" (the default at tg_engine_open). The name is copied (at most 127 bytes). @since 0.2
 */
TG_EXTERN void tg_engine_set_actor(tg_engine *e, const char *actor);
/** The current actor (borrowed from the engine). @since 0.2 */
TG_EXTERN const char *tg_engine_actor(const tg_engine *e);

/* ---- Appended for the HTTP API (thin; docs/http.md "Separation of duties") ---- */

/**
 * Proposals awaiting a second person's approval: licence applications (@p kind "license", subject = the
 * licence id) and screening overrides (kind "override", subject NULL = the next number). The current
 * actor is the proposer; the proposal is audited ("<kind>.propose"). Re-proposing the same subject with the
 * same body is idempotent; other content under an existing subject is TG_ECONFLICT. @p json must be a
 * JSON object. Appends the proposal {"kind","id","status","proposer","proposed_at","decided_by",
 * "decided_at","body"}. @return TG_OK, TG_EINVALID, TG_ECONFLICT, TG_EDB. @since 0.3
 */
TG_EXTERN int tg_engine_propose(tg_buf *out, tg_engine *e, const char *kind, const char *subject, const char *json,
				size_t len, tg_err *err);
/** Append one proposal (as tg_engine_propose). @return TG_OK, TG_ENOTFOUND. @since 0.3 */
TG_EXTERN int tg_engine_proposal(tg_buf *out, tg_engine *e, const char *kind, const char *id, tg_err *err);
/** Append {"proposals":[...]} of @p kind, oldest first; only pending ones when @p pending_only. @since 0.3 */
TG_EXTERN int tg_engine_proposals(tg_buf *out, tg_engine *e, const char *kind, int pending_only, tg_err *err);

/** Applies an approved proposal's body (called inside the approval's transaction). */
typedef int (*tg_engine_apply_fn)(void *arg, const char *body, const char *proposer, tg_err *err);

/**
 * Approve a pending proposal as the current actor and apply it, in ONE transaction: @p apply runs first
 * (its own transactions nest); on TG_OK the proposal is marked approved and audited ("<kind>.approve").
 * @return TG_OK, TG_ENOTFOUND, TG_ECONFLICT (not pending), TG_EREFUSED (field "approver": the actor
 * proposed it: nobody approves their own proposal), or apply's failure (nothing changed). @since 0.3
 */
TG_EXTERN int tg_engine_approve(tg_engine *e, const char *kind, const char *id, tg_engine_apply_fn apply, void *arg,
				tg_err *err);

/** Do two party or exporter names match after screening normalisation? 1 yes, 0 no. @since 0.3 */
TG_EXTERN int tg_engine_same_name(const char *a, const char *b);

/** The exporter name of the recorded order @p order_id. @return TG_OK, TG_ENOTFOUND, TG_EDB. @since 0.3 */
TG_EXTERN int tg_engine_order_exporter(char *out, size_t n, tg_engine *e, const char *order_id, tg_err *err);

/**
 * Read-only reports: "diversion" {"reports":[{"id","serial","seen_at","note","shipment_id","license_id",
 * "consignee","flagged","recorded_at"}]}, "us-volume" {"us_volume":[{"exporter","item","period","quantity"}],
 * "china_volume":[{"exporter_norm","item","quantity"}]}, "remittances" {"remittances":[{"ref","exporter","kind",
 * "currency","amount","date"}]}, "certificate" {"certificates":[{"certificate_id","lab","date","item","result",
 * "recorded_at","certificate"}]}, "review" (recorded decisions whose verdict is review) {"decisions":[{"order_id",
 * "exporter","as_of","recorded_at","decision"}]}. @p key (may be NULL) keeps the rows of one exporter
 * (normalised name; exact for "review") or one certificate id.
 * @return TG_OK, TG_EINVALID (unknown report), TG_EDB. @since 0.3
 */
TG_EXTERN int tg_engine_report(tg_buf *out, tg_engine *e, const char *name, const char *key, tg_err *err);

#endif
