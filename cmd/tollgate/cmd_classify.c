/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate classify: TPP, PD, ECCN, the case-by-case gate and the 232 band of a catalogue item, of a
 * spec file for a part not in the catalogue, or of the whole catalogue (--all). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#ifndef TG_DATA_DIR
#define TG_DATA_DIR "."
#endif

static const char usage_text[] = "tollgate classify ITEM_ID [--json] [--catalog PATH] [--gates PATH]\n"
				 "       tollgate classify --spec FILE [--json] [--catalog PATH] [--gates PATH]\n"
				 "       tollgate classify --all [--json] [--catalog PATH] [--gates PATH]";

typedef struct opts {
	const char *id, *spec, *catalog, *gates;
	int json, all, help;
	char catalog_buf[4096], gates_buf[4096];
} opts;

/* Default data paths: $TOLLGATE_DATA_DIR, else the compile-time TG_DATA_DIR. */
static void default_paths(opts *o)
{
	const char *dir = getenv("TOLLGATE_DATA_DIR");
	if (dir == NULL || *dir == '\0')
		dir = TG_DATA_DIR;
	if (o->catalog == NULL) {
		snprintf(o->catalog_buf, sizeof(o->catalog_buf), "%s/catalog/accelerators.json", dir);
		o->catalog = o->catalog_buf;
	}
	if (o->gates == NULL) {
		snprintf(o->gates_buf, sizeof(o->gates_buf), "%s/policy/gates.json", dir);
		o->gates = o->gates_buf;
	}
}

static int parse_args(opts *o, int argc, char **argv)
{
	int i;
	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int has_val = i + 1 < argc;
		if (strcmp(a, "--json") == 0)
			o->json = 1;
		else if (strcmp(a, "--all") == 0)
			o->all = 1;
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
			o->help = 1;
		else if (strcmp(a, "--spec") == 0 && has_val)
			o->spec = argv[++i];
		else if (strcmp(a, "--catalog") == 0 && has_val)
			o->catalog = argv[++i];
		else if (strcmp(a, "--gates") == 0 && has_val)
			o->gates = argv[++i];
		else if (a[0] == '-' || o->id != NULL)
			return -1;
		else
			o->id = a;
	}
	if (o->help)
		return 0;
	if ((o->id != NULL) + (o->spec != NULL) + (o->all != 0) != 1)
		return -1;
	default_paths(o);
	return 0;
}

static void print_gate(const tg_classification *c, const tg_gates *g)
{
	char by[11];
	const char *sep = "";
	tg_date_format(by, g->cbc_available_by);
	if (c->cbc_gate) {
		printf("  CbC gate:  yes (TPP < %.0f, DRAM BW < %.0f GB/s, US-available by %s)\n", g->cbc_tpp_below,
		       g->cbc_bw_below, by);
		return;
	}
	printf("  CbC gate:  no (");
	if (c->gate_fail & TG_GATE_FAIL_TPP_UNKNOWN)
		sep = (printf("%sTPP unknown", sep), "; ");
	if (c->gate_fail & TG_GATE_FAIL_TPP)
		sep = (printf("%sTPP >= %.0f", sep, g->cbc_tpp_below), "; ");
	if (c->gate_fail & TG_GATE_FAIL_BW_UNKNOWN)
		sep = (printf("%sDRAM bandwidth unknown", sep), "; ");
	if (c->gate_fail & TG_GATE_FAIL_BW)
		sep = (printf("%sDRAM BW %.0f >= %.0f GB/s", sep, c->dram_bandwidth_gbps, g->cbc_bw_below), "; ");
	if (c->gate_fail & TG_GATE_FAIL_AVAIL)
		printf("%snot commercially available in the US by %s", sep, by);
	printf(")\n");
}

static void print_human(const tg_item *it, const tg_classification *c, const tg_gates *g)
{
	printf("%s  %s\n", it->id, it->name);
	if (c->is_system)
		printf("  kind:      system (%d x %s)\n", it->contains_count, it->contains);
	else
		printf("  kind:      IC%s\n", it->datacenter ? ", datacenter" : ", not datacenter-marketed");
	if (c->tpp >= 0)
		printf("  TPP:       %.0f (%s%s)\n", c->tpp, tg_precision_name(c->tpp_precision),
		       c->is_system ? ", per IC" : "");
	else
		printf("  TPP:       unknown\n");
	if (c->pd >= 0)
		printf("  PD:        %.2f\n", c->pd);
	else
		printf("  PD:        unknown\n");
	if (c->eccn)
		printf("  ECCN:      %s (%s%s)\n", c->eccn, c->eccn_reason,
		       c->is_system ? "; system containing such ICs" : "");
	else
		printf("  ECCN:      not 3A090/4A090 (%s)\n", c->eccn_reason);
	print_gate(c, g);
	if (c->tariff_band_232)
		printf("  232 band:  yes (%s)\n", c->tariff_band_id);
	else
		printf("  232 band:  no\n");
	if (!c->complete)
		printf("  note:      a figure the rules need is unknown; the result is a lower bound\n");
}

static int emit(const tg_item *it, const tg_classification *c, const tg_gates *g, int json)
{
	tg_buf b = TG_BUF_INIT;
	if (!json) {
		print_human(it, c, g);
		return TG_EXIT_OK;
	}
	if (tg_classification_json(&b, c) < 0) {
		fprintf(stderr, "tollgate: out of memory\n");
		return TG_EXIT_INTERNAL;
	}
	printf("%s\n", b.ptr);
	tg_buf_dispose(&b);
	return TG_EXIT_OK;
}

static int classify_all(const tg_catalog *cat, const tg_gates *g, int json)
{
	size_t i;
	tg_err err = TG_ERR_INIT;
	if (!json)
		printf("%-24s %7s %7s %-8s %-4s %s\n", "ID", "TPP", "PD", "ECCN", "CBC", "232");
	for (i = 0; i < tg_catalog_count(cat); i++) {
		const tg_item *it = tg_catalog_at(cat, i);
		tg_classification c;
		char tpp[32] = "?", pd[32] = "?";
		if (tg_classify(&c, it, cat, g, &err) < 0)
			return cli_fail(&err);
		if (json) {
			if (emit(it, &c, g, 1) != TG_EXIT_OK)
				return TG_EXIT_INTERNAL;
			continue;
		}
		if (c.tpp >= 0)
			snprintf(tpp, sizeof(tpp), "%.0f", c.tpp);
		if (c.pd >= 0)
			snprintf(pd, sizeof(pd), "%.2f", c.pd);
		printf("%-24s %7s %7s %-8s %-4s %s\n", it->id, tpp, pd, c.eccn ? c.eccn : "-",
		       c.cbc_gate ? "yes" : "no", c.tariff_band_232 ? c.tariff_band_id : "-");
	}
	return TG_EXIT_OK;
}

static int load_spec(tg_item *out, const char *path, tg_err *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc = cli_read_file(&text, &len, path, err);
	if (rc < 0)
		return rc;
	rc = tg_item_parse_spec(out, text, len, "spec", err);
	tg_free(text);
	return rc;
}

static int run(const opts *o, tg_catalog **cat, tg_gates *g, tg_err *err)
{
	tg_item spec;
	const tg_item *it = NULL;
	tg_classification c;
	int rc;
	if ((rc = tg_gates_load(g, o->gates, err)) < 0)
		return cli_fail(err);
	if (o->spec && (rc = load_spec(&spec, o->spec, err)) < 0)
		return cli_fail(err);
	if ((o->spec == NULL || spec.contains[0]) && (rc = tg_catalog_load(cat, o->catalog, err)) < 0)
		return cli_fail(err);
	if (o->all)
		return classify_all(*cat, g, o->json);
	it = o->spec ? &spec : tg_catalog_find(*cat, o->id);
	if (it == NULL) {
		fprintf(stderr, "tollgate: unknown item '%s' (not in %s; try 'tollgate classify --all')\n", o->id,
			o->catalog);
		return TG_EXIT_INPUT;
	}
	if ((rc = tg_classify(&c, it, *cat, g, err)) < 0)
		return cli_fail(err);
	return emit(it, &c, g, o->json);
}

int cmd_classify(int argc, char **argv)
{
	opts o;
	tg_catalog *cat = NULL;
	tg_gates g;
	tg_err err = TG_ERR_INIT;
	int code;
	if (parse_args(&o, argc, argv) < 0)
		return cli_usage(usage_text);
	if (o.help) {
		printf("usage: %s\n", usage_text);
		return TG_EXIT_OK;
	}
	code = run(&o, &cat, &g, &err);
	tg_catalog_free(cat);
	return code;
}
