/* SPDX-License-Identifier: Apache-2.0 */
/* The lists module's base: format names, and the sink's side that every parser uses (problem reports,
 * the content hash). Loading a file is lists_load.c; the parsers are lists_<format>.c. */
#include "lists.h"

#include <openssl/evp.h>
#include <string.h>

static const char *const format_names[] = {"auto",    "csl-csv",    "ofac-csv", "ofac-xml",
					   "tg-json", "kaist-json", "csl-json"};

const char *tg_list_format_name(tg_list_format f)
{
	if ((unsigned)f >= sizeof(format_names) / sizeof(format_names[0]))
		return NULL;
	return format_names[f];
}

int tg_list_format_parse(tg_list_format *out, const char *name, tg_err *err)
{
	size_t i;
	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (tg_list_format)i;
			return TG_OK;
		}
	}
	return tg__fail_field(err, TG_EINVALID, "format",
			      "unknown list format '%s' (csl-csv, csl-json, ofac-csv, ofac-xml, tg-json, kaist-json)",
			      name);
}

void tg__lists_hash(tg__list_sink *k, const void *data, size_t n)
{
	if (k->hash_ctx)
		EVP_DigestUpdate((EVP_MD_CTX *)k->hash_ctx, data, n);
}

int tg__lists_problem(tg__list_sink *k, long line, const char *msg, tg_err *err)
{
	k->errors++;
	if (k->opts->problem && !k->opts->strict) /* strict: the failure itself reports it */
		k->opts->problem(k->file, line, msg, k->opts->payload);
	if (!k->opts->strict)
		return TG_OK;
	if (line > 0)
		tg__fail(err, TG_EINVALID, "%s:%ld: %s (strict: load rejected)", k->file, line, msg);
	else
		tg__fail(err, TG_EINVALID, "%s: %s (strict: load rejected)", k->file, msg);
	if (err)
		err->line = (int)line;
	return TG_EINVALID;
}
