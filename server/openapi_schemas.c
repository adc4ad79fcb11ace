/* SPDX-License-Identifier: Apache-2.0 */
/* Component schemas of the OpenAPI document (JSON Schema 2020-12, as OpenAPI 3.1 uses), and which
 * operation takes and returns which. The formats are those of issue 2 and the CLI's --json. */
#include "server_int.h"

#include <string.h>

/* One schema per entry (each literal under the 4095 bytes C99 guarantees). */
const struct openapi_schema openapi_schemas[] = {
	{"Problem",
	 "{\"type\":\"object\",\"required\":[\"type\",\"title\",\"status\"],\"properties\":{\"type\":{\"type\""
	 ":\"string\"},\"title\":{\"type\":\"string\"},\"status\":{\"type\":\"integer\"},\"detail\":{\"type\":"
	 "\"string\"},\"field\":{\"type\":\"string\",\"description\":\"the offending input field, e.g. lines[0"
	 "].quantity\"},\"line\":{\"type\":\"integer\"},\"column\":{\"type\":\"integer\"},\"instance\":{\"type"
	 "\":\"string\"}}}"},
	{"Party",
	 "{\"type\":\"object\",\"required\":[\"role\",\"name\",\"country\"],\"properties\":{\"role\":{\"enum\""
	 ":[\"purchaser\",\"ultimate_consignee\",\"end_user\",\"intermediate_consignee\",\"freight_forwarder\""
	 "]},\"name\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"},\"hq_country\":{\"type\":\"strin"
	 "g\"},\"sector\":{\"enum\":[\"private\",\"public\",\"state_owned\",\"military\",\"research\"]},\"stat"
	 "e_funded\":{\"type\":\"boolean\"}}}"},
	{"Line",
	 "{\"type\":\"object\",\"required\":[\"quantity\",\"unit_value\",\"currency\"],\"properties\":{\"item\""
	 ":{\"type\":\"string\"},\"spec\":{\"$ref\":\"#/components/schemas/Spec\"},\"quantity\":{\"type\":\"in"
	 "teger\",\"minimum\":1},\"unit_value\":{\"type\":\"string\"},\"currency\":{\"type\":\"string\"},\"cus"
	 "toms_value\":{\"type\":\"string\"}}}"},
	{"Order",
	 "{\"type\":\"object\",\"required\":[\"id\",\"date\",\"exporter\",\"ship_from\",\"destination\",\"part"
	 "ies\",\"end_use\",\"lines\"],\"properties\":{\"id\":{\"type\":\"string\"},\"date\":{\"type\":\"strin"
	 "g\",\"format\":\"date\"},\"exporter\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"stri"
	 "ng\"},\"country\":{\"type\":\"string\"}}},\"ship_from\":{\"type\":\"string\"},\"destination\":{\"typ"
	 "e\":\"string\"},\"parties\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Party\"}}"
	 ",\"end_use\":{\"enum\":[\"datacenter\",\"ai_training\",\"research\",\"consumer\",\"evaluation\",\"mi"
	 "litary\",\"other\"]},\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Line\""
	 "}}}}"},
	{"Verdict",
	 "{\"enum\":[\"allow\",\"license_required\",\"review\",\"deny\"]}"},
	{"Decision",
	 "{\"type\":\"object\",\"required\":[\"order_id\",\"as_of\",\"verdict\",\"jurisdictions\",\"lines\",\""
	 "reasons\",\"conditions\",\"charges\"],\"properties\":{\"order_id\":{\"type\":\"string\"},\"as_of\":{"
	 "\"type\":\"string\",\"format\":\"date\"},\"verdict\":{\"$ref\":\"#/components/schemas/Verdict\"},\"j"
	 "urisdictions\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\""
	 ":\"string\"},\"verdict\":{\"$ref\":\"#/components/schemas/Verdict\"}}}},\"lines\":{\"type\":\"array\""
	 ",\"items\":{\"type\":\"object\"}},\"reasons\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"p"
	 "roperties\":{\"rule\":{\"type\":\"string\"},\"jurisdiction\":{\"type\":\"string\"},\"citation\":{\"t"
	 "ype\":\"string\"},\"message\":{\"type\":\"string\"}}}},\"conditions\":{\"type\":\"array\",\"items\":"
	 "{\"type\":\"string\"}},\"charges\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\""
	 ":{\"kind\":{\"type\":\"string\"},\"rate\":{\"type\":\"string\"},\"base\":{\"type\":\"string\"},\"amo"
	 "unt\":{\"type\":\"string\"},\"currency\":{\"type\":\"string\"}}}}}}"},
	{"Spec",
	 "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"vendor\":{\"type\":\"string\"},\""
	 "dense_tops\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}},\"dram_bandwidth_g"
	 "bps\":{\"type\":\"number\"},\"applicable_die_area_mm2\":{\"type\":\"number\"},\"datacenter\":{\"type"
	 "\":\"boolean\"},\"designer_hq\":{\"type\":\"string\"},\"us_available_from\":{\"type\":\"string\",\"f"
	 "ormat\":\"date\"}}}"},
	{"Classification",
	 "{\"type\":\"object\",\"required\":[\"id\",\"tpp\",\"pd\",\"eccn\",\"cbc_gate\",\"tariff_band_232\"],"
	 "\"properties\":{\"id\":{\"type\":\"string\"},\"tpp\":{\"type\":[\"integer\",\"null\"]},\"pd\":{\"typ"
	 "e\":[\"number\",\"null\"]},\"eccn\":{\"type\":[\"string\",\"null\"]},\"cbc_gate\":{\"type\":\"boolea"
	 "n\"},\"tariff_band_232\":{\"type\":\"boolean\"}}}"},
	{"ScreenRequest",
	 "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"},\"countr"
	 "y\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100}}"
	 "}"},
	{"ScreenResult",
	 "{\"type\":\"object\",\"required\":[\"query\",\"hits\"],\"properties\":{\"query\":{\"type\":\"string\""
	 "},\"hits\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"entity_id\":{\"type\""
	 ":\"string\"},\"list\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},\"matched_name\":{\"type\""
	 ":\"string\"},\"score\":{\"type\":\"number\"},\"level\":{\"enum\":[\"review\",\"block\"]},\"approved\""
	 ":{\"type\":\"boolean\"},\"explanation\":{\"type\":\"string\"}}}}}}"},
	{"Snapshot",
	 "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\""
	 "source\":{\"type\":\"string\"},\"format\":{\"type\":\"string\"},\"sha256\":{\"type\":\"string\"},\"l"
	 "oaded_at\":{\"type\":\"string\"},\"rows\":{\"type\":\"integer\"},\"entries\":{\"type\":\"integer\"},"
	 "\"errors\":{\"type\":\"integer\"}}}"},
	{"RescreenSummary",
	 "{\"type\":\"object\",\"description\":\"what a list load changed for the recorded parties\",\"pro"
	 "perties\":{\"snapshot\":{\"type\":\"integer\"},\"previous_snapshot\":{\"type\":\"integer\",\"descri"
	 "ption\":\"0 = first load of the list name\"},\"added\":{\"type\":\"integer\"},\"changed\":{\"type"
	 "\":\"integer\"},\"removed\":{\"type\":\"integer\"},\"parties\":{\"type\":\"integer\"},\"new_hits"
	 "\":{\"type\":\"integer\"},\"cleared_hits\":{\"type\":\"integer\"}}}"},
	{"LoadedSnapshot",
	 "{\"allOf\":[{\"$ref\":\"#/components/schemas/Snapshot\"},{\"type\":\"object\",\"properties\":{\"r"
	 "escreen\":{\"$ref\":\"#/components/schemas/RescreenSummary\"}}}]}"},
	{"RescreenHit",
	 "{\"type\":\"object\",\"properties\":{\"party\":{\"type\":\"string\"},\"party_country\":{\"type"
	 "\":\"string\"},\"change\":{\"enum\":[\"added\",\"changed\",\"removed\"]},\"entity_id\":{\"type\":"
	 "\"string\"},\"list\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},\"matched_name\":{\"t"
	 "ype\":\"string\"},\"score\":{\"type\":\"number\"},\"level\":{\"enum\":[\"review\",\"block\"]},\""
	 "approved\":{\"type\":\"boolean\"},\"override\":{\"enum\":[\"\",\"true_match\",\"lapsed\"]},\"ex"
	 "planation\":{\"type\":\"string\"}}}"},
	{"RescreenReport",
	 "{\"type\":\"object\",\"properties\":{\"snapshot\":{\"type\":\"integer\"},\"previous_snapshot\":{"
	 "\"type\":\"integer\"},\"list_name\":{\"type\":\"string\"},\"created_at\":{\"type\":\"string\"},"
	 "\"entries\":{\"type\":\"object\",\"properties\":{\"added\":{\"type\":\"integer\"},\"changed\":{"
	 "\"type\":\"integer\"},\"removed\":{\"type\":\"integer\"}}},\"parties\":{\"type\":\"integer\"},"
	 "\"new_hits\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/RescreenHit\"}},\"c"
	 "leared_hits\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/RescreenHit\"}}}}"},
	{"Snapshots",
	 "{\"type\":\"object\",\"properties\":{\"snapshots\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/compo"
	 "nents/schemas/Snapshot\"}}}}"},
	{"ListLoad",
	 "{\"type\":\"object\",\"required\":[\"path\"],\"properties\":{\"path\":{\"type\":\"string\"},\"format"
	 "\":{\"enum\":[\"csl-csv\",\"csl-json\",\"ofac-csv\",\"ofac-xml\",\"tg-json\",\"kaist-json\"]},\"name"
	 "\":{\"type\":\"string\"},\"strict\":{\"type\":\"boolean\"}}}"},
	{"Role",
	 "{\"enum\":[\"exporter\",\"compliance_officer\",\"inspector\",\"licensing_officer\",\"auditor\",\"adm"
	 "in\"]}"},
	{"TokenRequest",
	 "{\"type\":\"object\",\"required\":[\"role\",\"name\"],\"properties\":{\"role\":{\"$ref\":\"#/compone"
	 "nts/schemas/Role\"},\"name\":{\"type\":\"string\"}}}"},
	{"Token",
	 "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\""
	 "role\":{\"$ref\":\"#/components/schemas/Role\"},\"created_at\":{\"type\":\"string\"},\"revoked\":{\""
	 "type\":\"boolean\"},\"token\":{\"type\":\"string\",\"description\":\"only in the response that creat"
	 "es it\"}}}"},
	{"Tokens",
	 "{\"type\":\"object\",\"properties\":{\"tokens\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/componen"
	 "ts/schemas/Token\"}}}}"},
	{"Policy",
	 "{\"type\":\"object\",\"properties\":{\"as_of\":{\"type\":\"string\",\"format\":\"date\"},\"rules\":{"
	 "\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}"},
	{"Catalog",
	 "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}"
	 "}"},
	{"WhoAmI",
	 "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\""
	 "role\":{\"$ref\":\"#/components/schemas/Role\"}}}"},
	{"Status",
	 "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"}}}"},
};
const size_t openapi_nschemas = sizeof(openapi_schemas) / sizeof(openapi_schemas[0]);

static const struct {
	const char *op, *req, *resp;
} refs[] = {
	{"healthz", NULL, "Status"},
	{"readyz", NULL, "Status"},
	{"whoami", NULL, "WhoAmI"},
	{"catalog", NULL, "Catalog"},
	{"classifyItem", NULL, "Classification"},
	{"classifySpec", "Spec", "Classification"},
	{"checkOrder", "Order", "Decision"},
	{"screenName", "ScreenRequest", "ScreenResult"},
	{"listSnapshots", NULL, "Snapshots"},
	{"loadList", "ListLoad", "LoadedSnapshot"},
	{"uploadList", NULL, "LoadedSnapshot"},
	{"rescreenReport", NULL, "RescreenReport"},
	{"policyInForce", NULL, "Policy"},
	{"listTokens", NULL, "Tokens"},
	{"addToken", "TokenRequest", "Token"},
};

/* The schema names an operation takes and returns (NULL where it is a plain or generic body). */
void openapi_refs(const char *op_id, const char **req, const char **resp)
{
	size_t i;
	*req = *resp = NULL;
	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
		if (strcmp(refs[i].op, op_id) == 0) {
			*req = refs[i].req;
			*resp = refs[i].resp;
		}
}
