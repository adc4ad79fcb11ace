/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/catalog.h
 * @brief The accelerator catalogue and classification: TPP, PD, ECCN (3A090/4A090), the 2026-01-15
 *        case-by-case gate and the Section 232 tariff bands.
 *
 * Physical quantities (TOPS, GB/s, mm2) are doubles; they are never money.
 */
#ifndef TG_CATALOG_H
#define TG_CATALOG_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/date.h"
#include "tg/errors.h"

/** Precisions with their bit length for TPP: fp4/int4 x4, fp8/int8 x8, fp16/bf16 x16, fp32 x32, fp64 x64. */
typedef enum tg_precision {
	TG_PREC_FP4,
	TG_PREC_INT4,
	TG_PREC_FP8,
	TG_PREC_INT8,
	TG_PREC_FP16,
	TG_PREC_BF16,
	TG_PREC_FP32,
	TG_PREC_FP64,
	TG_PREC_COUNT
} tg_precision;

/** No date: never / unknown. */
#define TG_DATE_NONE INT32_MAX

/** An accelerator IC, or a system containing several of one IC. */
typedef struct tg_item {
	char id[64];                      /**< catalogue id, e.g. "nvidia-h200-sxm" */
	char vendor[32];                  /**< e.g. "nvidia" */
	char name[96];                    /**< display name */
	double dense_tops[TG_PREC_COUNT]; /**< dense TOPS/TFLOPS per precision; < 0 = not given */
	double dram_bandwidth_gbps;       /**< total DRAM bandwidth, GB/s; < 0 = unknown */
	double applicable_die_area_mm2;   /**< FinFET/GAA logic die area; <= 0 = unknown */
	double memory_gb;                 /**< < 0 = unknown */
	int datacenter;                   /**< designed or marketed for datacenters */
	char designer_hq[3];              /**< ISO country of the designer's HQ */
	tg_date us_available_from;        /**< first US commercial availability, or TG_DATE_NONE */
	char contains[64];                /**< for a system: id of the IC it contains, else "" */
	int contains_count;               /**< for a system: how many of that IC, else 0 */
} tg_item;

/** Tariff band of the Section 232 proclamation: strict bounds (lo < x < hi). */
typedef struct tg_tariff_band {
	char id[32]; /**< e.g. "prong1" */
	double tpp_above;
	double tpp_below;
	double bw_above;
	double bw_below;
	int verified; /**< 0 for a band whose text could not be confirmed */
} tg_tariff_band;

/** Gate parameters (policy data, policy/gates.json). */
typedef struct tg_gates {
	double cbc_tpp_below;     /**< 21000: TPP must be strictly below */
	double cbc_bw_below;      /**< 6500: DRAM bandwidth must be strictly below */
	tg_date cbc_available_by; /**< 2026-01-15: commercially available in the US on this date */
	tg_tariff_band bands[4];
	size_t nbands;
} tg_gates;

/** The result of classifying an item. */
typedef struct tg_classification {
	char id[64];
	double tpp;          /**< per IC (for a system: of the contained IC); < 0 if no rate known */
	double pd;           /**< TPP / applicable die area; < 0 if unknown */
	const char *eccn;    /**< static string "3A090.a" "3A090.b" "4A090.a" "4A090.b", or NULL */
	int cbc_gate;        /**< passes the 2026-01-15 case-by-case gate */
	int tariff_band_232; /**< inside a Section 232 band */
	int datacenter;
	int is_system;
	int complete; /**< 0 when a figure the rules need is unknown (result is a lower bound) */
	char designer_hq[3];
	/* Fields added after 0.1's first cut (append only): */
	const char *eccn_reason;    /**< static text: which paragraph applies, or why none does ("Note 2 ...") */
	int tpp_precision;          /**< tg_precision that gave the TPP, or -1 */
	double dram_bandwidth_gbps; /**< of the (contained) IC; < 0 if unknown */
	unsigned gate_fail;         /**< TG_GATE_FAIL_* bits: why cbc_gate is 0 (0 when it passes) */
	char tariff_band_id[32];    /**< id of the first band matched, or "" */
} tg_classification;

/** Why the case-by-case gate failed (tg_classification.gate_fail bits). */
#define TG_GATE_FAIL_TPP 0x01         /**< TPP >= cbc_tpp_below */
#define TG_GATE_FAIL_BW 0x02          /**< DRAM bandwidth >= cbc_bw_below */
#define TG_GATE_FAIL_AVAIL 0x04       /**< not commercially available in the US by cbc_available_by */
#define TG_GATE_FAIL_TPP_UNKNOWN 0x08 /**< no dense rate known */
#define TG_GATE_FAIL_BW_UNKNOWN 0x10  /**< DRAM bandwidth unknown */

typedef struct tg_catalog tg_catalog;

/**
 * Load a catalogue file (catalog/accelerators.json format, see docs/catalog.md).
 * @p out is owned by the caller (tg_catalog_free). @return TG_OK, TG_EIO, TG_EINVALID (names the entry
 * and field), TG_ENOMEM. @since 0.1
 */
TG_EXTERN int tg_catalog_load(tg_catalog **out, const char *path, tg_err *err);
TG_EXTERN void tg_catalog_free(tg_catalog *cat);
/** Borrowed item by id, or NULL. @since 0.1 */
TG_EXTERN const tg_item *tg_catalog_find(const tg_catalog *cat, const char *id);
TG_EXTERN size_t tg_catalog_count(const tg_catalog *cat);
TG_EXTERN const tg_item *tg_catalog_at(const tg_catalog *cat, size_t i);

/**
 * Parse a spec (JSON text) for a part not in the catalogue:
 * {"id","vendor","dense_tops":{"fp4",...,"fp64"},"dram_bandwidth_gbps","applicable_die_area_mm2",
 *  "datacenter","designer_hq","us_available_from"}. @p prefix names the object in errors ("lines[0].spec").
 * @since 0.1
 */
TG_EXTERN int tg_item_parse_spec(tg_item *out, const char *json, size_t len, const char *prefix, tg_err *err);

/**
 * Load gate parameters (policy/gates.json, see docs/catalog.md). Only bands with "enabled": true are
 * kept in @p out->bands. @return TG_OK, TG_EIO, TG_EINVALID (names the field), TG_ELIMIT (more than 4
 * enabled bands), TG_ENOMEM. @since 0.1
 */
TG_EXTERN int tg_gates_load(tg_gates *out, const char *path, tg_err *err);

/** Fill @p out with the built-in parameters (21000, 6500 GB/s, 2026-01-15, verified prong 1 only). @since 0.1 */
TG_EXTERN void tg_gates_default(tg_gates *out);

/** Lower-case name of a precision ("fp8"), or "?" out of range. @since 0.1 */
TG_EXTERN const char *tg_precision_name(int prec);

/**
 * Classify @p item. @p cat resolves a system's contained IC (may be NULL for an IC). @p gates may be
 * NULL for tg_gates_default(). A system takes TPP, PD, bandwidth and so the bands from its IC (the
 * 3A090 parameters are per IC; 4A090 covers computers containing such ICs) and its ECCN is the IC's
 * with 3A mapped to 4A; availability and the datacenter flag are the system's own.
 * Never allocates. @return TG_OK, or TG_ENOTFOUND when a system names an unknown IC. @since 0.1
 */
TG_EXTERN int tg_classify(tg_classification *out, const tg_item *item, const tg_catalog *cat, const tg_gates *gates,
			  tg_err *err);

/** Append {"id","tpp","pd","eccn","cbc_gate","tariff_band_232"} (tpp integer, pd 2 decimals or null). @since 0.1 */
TG_EXTERN int tg_classification_json(tg_buf *out, const tg_classification *c);

#endif
