/* SPDX-License-Identifier: Apache-2.0 */
/* Internals shared by the files of tg_server: the server object, the route table and the handler
 * context, response helpers, the token cache, metrics and the group committer. */
#ifndef TG_SERVER_INT_H
#define TG_SERVER_INT_H

#include <pthread.h>
#include <stdarg.h>
#include <time.h>
#include "server.h"
#include "tg/token.h"
#include "tg/audit.h"
#include "tg/inspect.h"
#include "tg/ledger.h"
#include "tg/license.h"
#include "tg/ship.h"

#if defined(__GNUC__)
#define SRV_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SRV_PRINTF(a, b)
#endif

/* Role masks of routes: one bit per tg_api_role, ROLES_PUBLIC = no token needed. */
#define ROLE_BIT(r) (1u << (r))
#define R_EXP ROLE_BIT(TG_API_ROLE_EXPORTER)
#define R_CO ROLE_BIT(TG_API_ROLE_COMPLIANCE_OFFICER)
#define R_INS ROLE_BIT(TG_API_ROLE_INSPECTOR)
#define R_LIC ROLE_BIT(TG_API_ROLE_LICENSING_OFFICER)
#define R_AUD ROLE_BIT(TG_API_ROLE_AUDITOR)
#define R_ADM ROLE_BIT(TG_API_ROLE_ADMIN)
#define R_ALL (R_EXP | R_CO | R_INS | R_LIC | R_AUD | R_ADM)
#define ROLES_PUBLIC 0x80000000u

typedef struct hctx hctx;
typedef int (*route_fn)(hctx *c, tg_err *err);

/* One route. Handlers of routes whose library operations are not built yet are NULL (501). */
typedef struct route {
	const char *method;
	const char *pattern; /* "/v1/tokens/{id}": one {param} segment at most */
	route_fn fn;
	unsigned roles;    /* ROLE_BIT mask, or ROLES_PUBLIC */
	const char *op_id; /* OpenAPI operationId */
	const char *tag;   /* OpenAPI tag */
	const char *summary;
	const char *req_type;  /* request media type, or NULL for none */
	const char *resp_type; /* success media type */
	const char *pending;   /* for fn == NULL: which issue brings it */
} route;

extern const route server_routes[];
extern const size_t server_nroutes;

/* Per-request handler context. */
struct hctx {
	server *srv;
	const server_req *req;
	server_resp *resp;
	const route *rt;
	char param[128];     /* the {param} segment, URL-decoded */
	tg_token_info who;   /* the caller (id 0 on public routes) */
	server_wake_fn wake; /* non-NULL: a recorded check may be deferred (server_dispatch_async) */
	void *wake_payload;
};

typedef struct server_pending server_pending;
/* A request deferred until its group commit (codec_check.c allocates it, with room for its own
 * state after these fields); server_dispatch_finish() calls finish, then release. */
struct server_pending {
	server_req req; /* the request; strings borrowed from the listener (query: NULL) */
	const route *rt;
	size_t slot;                                            /* metrics slot */
	struct timespec t0;                                     /* when dispatch began */
	int (*finish)(hctx *c, server_pending *p, tg_err *err); /* fill c->resp from the committed results */
	void (*release)(server_pending *p);
};

#define STATUS_SLOTS 16
#define LAT_BUCKETS 12

typedef struct metrics {
	pthread_mutex_t mu;
	unsigned long *req; /* [route slot][status slot] */
	unsigned long *lat; /* [route slot][bucket] (cumulative on output) */
	double *lat_sum;    /* [route slot] */
	unsigned long verdicts[4];
	unsigned long hits[3]; /* by tg_hit_level (1 review, 2 block) */
	unsigned long batches, batch_orders, syncs;
	unsigned long accruals; /* ledger accruals (charges) of shipments released through this service */
	double batch_seconds;   /* time inside group commits (decide, record, commit) */
	double sync_seconds;    /* time in the syncer's fsyncs */
} metrics;

typedef struct committer committer;

/* A response body never grows past 256 MiB (an audit export of a large store is the biggest). */
#define SRV_BODY_MAX ((size_t)256 << 20)

struct server {
	tg_engine *engine;
	server_opts opts;
	pthread_mutex_t store_mu;  /* every use of the store (not thread-safe) */
	pthread_rwlock_t scr_lock; /* the screener: read to screen/decide, write to rebuild */
	pthread_rwlock_t tok_lock; /* the token cache */
	tg_token_info *tokens;
	size_t ntokens;
	long tokens_loaded_at; /* monotonic seconds of the last cache load */
	committer *commit;
	metrics m;
	int draining;
	long scr_checked_at; /* monotonic second of the last screener staleness check (atomic) */
};

/* status.c: one table from tg_code to HTTP status, and problem+json bodies (RFC 9457). */
int status_of(const tg_err *err);
void problem(server_resp *r, int status, const char *detail, const char *field, const char *instance);
void problem_from_err(server_resp *r, const tg_err *err, const char *instance);
/* 422 with type .../refused (a business rule said no; the caller appends the reasons). */
void problem_refused(server_resp *r, const char *detail, const char *instance);
int resp_json(server_resp *r, int status, const char *json, size_t len);
void resp_header(server_resp *r, const char *name, const char *value);

/* auth.c */
int auth_load(server *s, tg_err *err);
/* Authenticate the request: 0 ok (c->who filled), else the HTTP status to answer (401). */
int auth_check(hctx *c);
void auth_invalidate(server *s);

/* routes.c */
/* Match method+path: the route, or NULL with *path_known = 1 if another method would match. */
const route *route_match(const char *method, const char *path, char *param, size_t plen, int *path_known, char *allow,
			 size_t alen);
size_t route_index(const route *r);
/* Query-string parameter @p key, URL-decoded into out. 1 found, 0 absent, -1 too long. */
int query_get(const char *query, const char *key, char *out, size_t n);
/* 0 when every parameter of the raw query string URL-decodes to well-formed UTF-8, else -1 with the
 * first offending key copied into bad (size n). */
int query_utf8_ok(const char *query, char *bad, size_t n);

/* codec_classify.c: ?key=YYYY-MM-DD into *out (unchanged when absent; *given says which). */
int query_date(hctx *c, const char *key, tg_date *out, int *given, tg_err *err);

/* metrics.c */
int metrics_init(metrics *m);
void metrics_dispose(metrics *m);
void metrics_request(metrics *m, size_t route_slot, int status, double seconds);
void metrics_verdict(metrics *m, int verdict);
void metrics_hits(metrics *m, int level, unsigned long n);
void metrics_batch(metrics *m, size_t orders, double seconds);
void metrics_sync(metrics *m, double seconds);
/* Count the ledger accruals of a released shipment: one per entry of its receipt's "charges". */
void metrics_accruals(metrics *m, unsigned long n);
int metrics_render(tg_buf *out, metrics *m);

/* commit.c: group commit of recorded checks. */
typedef struct commit_job commit_job;
/* One request's orders in the committer's queue. The caller fills the inputs; the committer fills
 * rc, err and res[0..n), and once they are on disk the syncer calls wake(payload) (from its thread)
 * or, with wake NULL, wakes the thread blocked in committer_check. The job must stay valid until then. */
struct commit_job {
	tg_check_result *res; /* OUT: n results */
	size_t n;
	const char *const *texts;
	const size_t *lens;
	tg_check_opts opts;
	const char *actor;   /* the caller's principal: decisions of one commit share one actor */
	server_wake_fn wake; /* NULL = a thread waits in committer_check */
	void *payload;
	int rc;     /* OUT: < 0 when the batch as a whole failed (nothing recorded) */
	tg_err err; /* OUT: detail of rc */
	int done;   /* committer-private from here on */
	commit_job *next;
};
int committer_start(committer **out, server *s, tg_err *err);
void committer_stop(committer *c);
/* Decide and record n orders with opts, sharing a transaction with concurrent callers of the same
 * actor (the caller's principal, recorded in the audit log). */
int committer_check(committer *c, tg_check_result *res, size_t n, const char *const *texts, const size_t *lens,
		    const tg_check_opts *opts, const char *actor, tg_err *err);
/* Queue j (inputs filled, wake set) and return at once; j->wake(j->payload) runs once it is done. */
void committer_submit(committer *c, commit_job *j);
/* Batches committed so far; call with the store lock held. What the caller has read of the store is
 * durable once committer_barrier(c, that number) returns (group commits are fsync'd after the store
 * lock is released, see commit.c). */
unsigned long committer_seen(const committer *c);
void committer_barrier(committer *c, unsigned long seq);

/* static.c */
int static_serve(server *s, const char *path, server_resp *r);

/* openapi.c, openapi_schemas.c */
int openapi_render(tg_buf *out);
struct openapi_schema {
	const char *name, *json;
};
extern const struct openapi_schema openapi_schemas[];
extern const size_t openapi_nschemas;
/* The request and response schema names of an operation (NULL: none) and its success status. */
void openapi_refs(const char *op_id, const char **req, const char **resp, int *status);
/* Another media type the success response may have (a text body, such as text/csv), or NULL. */
const char *openapi_alt_media(const char *op_id);

/* Handlers (codec_*.c). */
int h_healthz(hctx *c, tg_err *err);
int h_readyz(hctx *c, tg_err *err);
int h_metrics(hctx *c, tg_err *err);
int h_openapi(hctx *c, tg_err *err);
int h_whoami(hctx *c, tg_err *err);
int h_classify_item(hctx *c, tg_err *err);
int h_classify_spec(hctx *c, tg_err *err);
int h_catalog(hctx *c, tg_err *err);
int h_policy(hctx *c, tg_err *err);
int h_check(hctx *c, tg_err *err);
int h_check_batch(hctx *c, tg_err *err);
int h_screen(hctx *c, tg_err *err);
int h_screen_batch(hctx *c, tg_err *err);
int h_lists_snapshots(hctx *c, tg_err *err);
int h_lists_load(hctx *c, tg_err *err);
int h_lists_upload(hctx *c, tg_err *err);
int h_lists_rescreen_report(hctx *c, tg_err *err);
int h_tokens_list(hctx *c, tg_err *err);
int h_tokens_add(hctx *c, tg_err *err);
int h_tokens_revoke(hctx *c, tg_err *err);
int h_overrides_list(hctx *c, tg_err *err);
int h_override_propose(hctx *c, tg_err *err);
int h_override_proposals(hctx *c, tg_err *err);
int h_override_approve(hctx *c, tg_err *err);
int h_licences_list(hctx *c, tg_err *err);
int h_licence_apply(hctx *c, tg_err *err);
int h_licence_applications(hctx *c, tg_err *err);
int h_licence_show(hctx *c, tg_err *err);
int h_licence_issue(hctx *c, tg_err *err);
int h_licence_revoke(hctx *c, tg_err *err);
int h_customers(hctx *c, tg_err *err);
int h_certificate_record(hctx *c, tg_err *err);
int h_certificate_show(hctx *c, tg_err *err);
int h_ship(hctx *c, tg_err *err);
int h_ship_batch(hctx *c, tg_err *err);
int h_shipment_show(hctx *c, tg_err *err);
int h_shipment_return(hctx *c, tg_err *err);
int h_trace(hctx *c, tg_err *err);
int h_trace_report(hctx *c, tg_err *err);
int h_report_diversion(hctx *c, tg_err *err);
int h_report_us_volume(hctx *c, tg_err *err);
int h_report_review(hctx *c, tg_err *err);
int h_us_volume_record(hctx *c, tg_err *err);
int h_ledger(hctx *c, tg_err *err);
int h_ledger_check(hctx *c, tg_err *err);
int h_remittances(hctx *c, tg_err *err);
int h_remit(hctx *c, tg_err *err);
int h_audit_verify(hctx *c, tg_err *err);
int h_audit_export(hctx *c, tg_err *err);

/* codec_state.c: helpers of the stateful handlers. */
void state_lock(hctx *c); /* the store, with the caller's principal as the audit actor */
void state_unlock(hctx *c);
int reply_buf(hctx *c, int status, const tg_buf *b, const char *type, int newline, tg_err *err);
int reply_refused(hctx *c, const tg_buf *doc, const char *what, tg_err *err);
int body_str(const void *obj, const char *key, int required, const char **out, tg_err *err);
int is_exporter(const hctx *c);
int owns(const hctx *c, const char *exporter);
int forbid_not_own(hctx *c, const char *what);
int query_str(hctx *c, const char *key, char *out, size_t n, const char **val, tg_err *err);

/* Seconds on CLOCK_MONOTONIC since *t0. */
double srv_since(const struct timespec *t0);
/* Set err and return code (one line, printf-style); field may be NULL. */
int srv_fail(tg_err *err, int code, const char *field, const char *fmt, ...) SRV_PRINTF(4, 5);
/* Parse the request body as a JSON object (jansson json_t *, as void * to keep jansson out of here). */
int body_object(void **out, const hctx *c, tg_err *err);

#endif
