/* SPDX-License-Identifier: Apache-2.0 */
/* Reading stored re-screen reports back (tg/rescreen.h): counts, the whole report, and its JSON. */
#include "rescreen.h"

#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "buf.h"
#include "err.h"

/* The report row of snapshot (0 = latest) into r (summary, name, time). */
static int read_head(tg_rescreen_report *r, tg_store *st, int64_t snapshot, tg_err *err)
{
	int rc = tg__rescreen_head_read(r, st, snapshot, err);
	if (rc == 0 && snapshot)
		return tg__fail_field(err, TG_ENOTFOUND, "snapshot", "snapshot: no re-screen report for snapshot %lld",
				      (long long)snapshot);
	if (rc == 0)
		return tg__fail_field(err, TG_ENOTFOUND, "snapshot", "no re-screen report yet: load a list first");
	return rc < 0 ? rc : TG_OK;
}

int tg_rescreen_summary_get(tg_rescreen_summary *out, tg_store *st, int64_t snapshot, tg_err *err)
{
	tg_rescreen_report r;
	int rc;
	TG_ASSERT_ARG(out && st && snapshot >= 0, err);
	memset(&r, 0, sizeof(r));
	if ((rc = read_head(&r, st, snapshot, err)) < 0)
		return rc;
	*out = r.summary;
	return TG_OK;
}

int tg_rescreen_report_get(tg_rescreen_report **out, tg_store *st, int64_t snapshot, tg_err *err)
{
	tg_rescreen_report *r;
	int rc;
	TG_ASSERT_ARG(out && st && snapshot >= 0, err);
	if ((r = tg__calloc(1, sizeof(*r))) == NULL)
		return tg__oom(err);
	if ((rc = read_head(r, st, snapshot, err)) < 0 || (rc = tg__rescreen_hits_read(r, st, err)) < 0) {
		tg_rescreen_report_free(r);
		return rc;
	}
	*out = r;
	return TG_OK;
}

void tg_rescreen_report_free(tg_rescreen_report *r)
{
	if (r == NULL)
		return;
	tg__free(r->hits);
	tg__free(r);
}

int tg_rescreen_summary_json(tg_buf *out, const tg_rescreen_summary *s, tg_err *err)
{
	int rc;
	TG_ASSERT_ARG(out && s, err);
	rc = tg__buf_printf(out,
			    "{\"snapshot\":%lld,\"previous_snapshot\":%lld,\"added\":%lld,\"changed\":%lld,"
			    "\"removed\":%lld,\"parties\":%lld,\"new_hits\":%lld,\"cleared_hits\":%lld}",
			    (long long)s->snapshot, (long long)s->previous, (long long)s->added, (long long)s->changed,
			    (long long)s->removed, (long long)s->parties, (long long)s->new_hits,
			    (long long)s->cleared_hits);
	return rc < 0 ? tg__fail(err, rc, "cannot encode the re-screen summary") : TG_OK;
}

static int put_str(tg_buf *b, const char *key, const char *v)
{
	int rc;
	if ((rc = tg__buf_printf(b, ",\"%s\":", key)) < 0)
		return rc;
	return tg__buf_put_json_str(b, v);
}

/* One hit, as tollgate screen --json writes a hit plus the party and the entry's change. */
static int hit_json(tg_buf *b, const tg_rescreen_hit *h)
{
	int rc;
	if ((rc = tg__buf_puts(b, "{\"party\":")) < 0 || (rc = tg__buf_put_json_str(b, h->party)) < 0 ||
	    (rc = put_str(b, "party_country", h->party_country)) < 0 || (rc = put_str(b, "change", h->change)) < 0 ||
	    (rc = put_str(b, "entity_id", h->hit.entity_id)) < 0 || (rc = put_str(b, "list", h->hit.list)) < 0 ||
	    (rc = put_str(b, "name", h->hit.name)) < 0 || (rc = put_str(b, "matched_name", h->hit.matched_name)) < 0)
		return rc;
	if ((rc = tg__buf_printf(b, ",\"score\":%.3f,\"level\":\"%s\",\"approved\":%s", h->hit.score,
				 h->hit.level == TG_HIT_BLOCK ? "block" : "review",
				 h->hit.approved ? "true" : "false")) < 0 ||
	    (rc = put_str(b, "override", h->hit.override)) < 0 ||
	    (rc = put_str(b, "explanation", h->hit.explanation)) < 0)
		return rc;
	return tg__buf_putc(b, '}');
}

/* The hits of one kind as a JSON array. */
static int hits_json(tg_buf *b, const tg_rescreen_report *r, const char *kind)
{
	size_t i, k = 0;
	int rc = tg__buf_putc(b, '[');
	for (i = 0; rc == TG_OK && i < r->nhits; i++) {
		if (strcmp(r->hits[i].kind, kind) != 0)
			continue;
		if ((k++ && (rc = tg__buf_putc(b, ',')) < 0) || (rc = hit_json(b, &r->hits[i])) < 0)
			break;
	}
	return rc < 0 ? rc : tg__buf_putc(b, ']');
}

static int report_json(tg_buf *b, const tg_rescreen_report *r)
{
	const tg_rescreen_summary *s = &r->summary;
	int rc;
	if ((rc = tg__buf_printf(b, "{\"snapshot\":%lld,\"previous_snapshot\":%lld", (long long)s->snapshot,
				 (long long)s->previous)) < 0 ||
	    (rc = put_str(b, "list_name", r->list_name)) < 0 || (rc = put_str(b, "created_at", r->created_at)) < 0 ||
	    (rc = tg__buf_printf(b, ",\"entries\":{\"added\":%lld,\"changed\":%lld,\"removed\":%lld},\"parties\":%lld",
				 (long long)s->added, (long long)s->changed, (long long)s->removed,
				 (long long)s->parties)) < 0 ||
	    (rc = tg__buf_puts(b, ",\"new_hits\":")) < 0 || (rc = hits_json(b, r, "new")) < 0 ||
	    (rc = tg__buf_puts(b, ",\"cleared_hits\":")) < 0 || (rc = hits_json(b, r, "cleared")) < 0)
		return rc;
	return tg__buf_puts(b, "}\n");
}

int tg_rescreen_report_json(tg_buf *out, tg_store *st, int64_t snapshot, tg_err *err)
{
	tg_rescreen_report *r = NULL;
	int rc;
	TG_ASSERT_ARG(out && st && snapshot >= 0, err);
	if ((rc = tg_rescreen_report_get(&r, st, snapshot, err)) < 0)
		return rc;
	if ((rc = report_json(out, r)) < 0)
		rc = rc == TG_ELIMIT ? tg__fail(err, rc, "re-screen report: larger than the output buffer's maximum")
				     : tg__oom(err);
	tg_rescreen_report_free(r);
	return rc;
}
