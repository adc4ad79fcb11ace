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
	{"Party", "{\"type\":\"object\",\"required\":[\"role\",\"name\",\"country\"],\"properties\":{\"role\":{\"enum\""
		  ":[\"purchaser\",\"ultimate_consignee\",\"end_user\",\"intermediate_consignee\",\"freight_forwarder\""
		  "]},\"name\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"},\"hq_country\":{\"type\":\"strin"
		  "g\"},\"sector\":{\"enum\":[\"private\",\"public\",\"state_owned\",\"military\",\"research\"]},\"stat"
		  "e_funded\":{\"type\":\"boolean\"}}}"},
	{"Line", "{\"type\":\"object\",\"required\":[\"quantity\",\"unit_value\",\"currency\"],\"properties\":{\"item\""
		 ":{\"type\":\"string\"},\"spec\":{\"$ref\":\"#/components/schemas/Spec\"},\"quantity\":{\"type\":\"in"
		 "teger\",\"minimum\":1},\"unit_value\":{\"type\":\"string\"},\"currency\":{\"type\":\"string\"},\"cus"
		 "toms_value\":{\"type\":\"string\"}}}"},
	{"Order", "{\"type\":\"object\",\"required\":[\"id\",\"date\",\"exporter\",\"ship_from\",\"destination\",\"part"
		  "ies\",\"end_use\",\"lines\"],\"properties\":{\"id\":{\"type\":\"string\"},\"date\":{\"type\":\"strin"
		  "g\",\"format\":\"date\"},\"exporter\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"stri"
		  "ng\"},\"country\":{\"type\":\"string\"}}},\"ship_from\":{\"type\":\"string\"},\"destination\":{\"typ"
		  "e\":\"string\"},\"parties\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Party\"}}"
		  ",\"end_use\":{\"enum\":[\"datacenter\",\"ai_training\",\"research\",\"consumer\",\"evaluation\",\"mi"
		  "litary\",\"other\"]},\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Line\""
		  "}}}}"},
	{"Verdict", "{\"enum\":[\"allow\",\"license_required\",\"review\",\"deny\"]}"},
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
	{"Spec", "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"vendor\":{\"type\":\"string\"},\""
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
	{"Role", "{\"enum\":[\"exporter\",\"compliance_officer\",\"inspector\",\"licensing_officer\",\"auditor\",\"adm"
		 "in\"]}"},
	{"TokenRequest",
	 "{\"type\":\"object\",\"required\":[\"role\",\"name\"],\"properties\":{\"role\":{\"$ref\":\"#/compone"
	 "nts/schemas/Role\"},\"name\":{\"type\":\"string\"}}}"},
	{"Token", "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\""
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
	{"Status", "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"}}}"},
	{"PrometheusText", "{\"type\":\"string\",\"description\":\"Prometheus text exposition format 0.0.4\"}"},
	{"OpenApiDocument",
	 "{\"type\":\"object\",\"required\":[\"openapi\",\"info\",\"paths\"],\"properties\":{\"openapi\":{\"ty"
	 "pe\":\"string\"},\"info\":{\"type\":\"object\"},\"paths\":{\"type\":\"object\"},\"components\":{\"ty"
	 "pe\":\"object\"}}}"},
	{"LineError",
	 "{\"type\":\"object\",\"required\":[\"line\",\"error\"],\"properties\":{\"line\":{\"type\":\"integer\""
	 ",\"minimum\":1},\"error\":{\"type\":\"object\",\"required\":[\"code\",\"field\",\"message\"],\"prope"
	 "rties\":{\"code\":{\"type\":\"string\"},\"field\":{\"type\":[\"string\",\"null\"]},\"message\":{\"ty"
	 "pe\":\"string\"}}}}}"},
	{"OrderLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: one"
	 " Order per line; blank lines are skipped\",\"x-line-schema\":{\"$ref\":\"#/components/schemas/Order\""
	 "}}"},
	{"DecisionLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: per"
	 " non-blank input line, in order, its Decision or a LineError\",\"x-line-schema\":{\"oneOf\":[{\"$ref"
	 "\":\"#/components/schemas/Decision\"},{\"$ref\":\"#/components/schemas/LineError\"}]}}"},
	{"ScreenLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: one"
	 " ScreenRequest per line, or one plain name per line\",\"x-line-schema\":{\"oneOf\":[{\"$ref\":\"#/co"
	 "mponents/schemas/ScreenRequest\"},{\"type\":\"string\"}]}}"},
	{"ScreenResultLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: per"
	 " non-blank input line, in order, its ScreenResult or a LineError\",\"x-line-schema\":{\"oneOf\":[{\""
	 "$ref\":\"#/components/schemas/ScreenResult\"},{\"$ref\":\"#/components/schemas/LineError\"}]}}"},
	{"ListFile",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/octet-stream\",\"description\":\"the list fi"
	 "le itself (CSL CSV/JSON, OFAC CSV/XML, tollgate JSON); format detected or ?format=\"}"},
	{"TokenRevoked",
	 "{\"type\":\"object\",\"required\":[\"id\",\"revoked\"],\"properties\":{\"id\":{\"type\":\"integer\"}"
	 ",\"revoked\":{\"const\":true}}}"},
	{"Override",
	 "{\"type\":\"object\",\"properties\":{\"decision\":{\"enum\":[\"clear\",\"block\"]},\"party\":{\"type"
	 "\":\"string\"},\"list\":{\"type\":\"string\"},\"entity_id\":{\"type\":\"string\"},\"reason\":{\"type"
	 "\":\"string\"},\"decided_by\":{\"type\":\"string\"},\"decided_at\":{\"type\":\"string\"},\"key_hash\""
	 ":{\"type\":\"string\"},\"current\":{\"type\":\"boolean\"}}}"},
	{"Overrides",
	 "{\"type\":\"object\",\"required\":[\"overrides\"],\"properties\":{\"overrides\":{\"type\":\"array\","
	 "\"items\":{\"$ref\":\"#/components/schemas/Override\"}}}}"},
	{"OverrideRequest",
	 "{\"type\":\"object\",\"required\":[\"party\",\"list\",\"entity_id\",\"decision\",\"reason\"],\"prope"
	 "rties\":{\"party\":{\"type\":\"string\"},\"list\":{\"type\":\"string\"},\"entity_id\":{\"type\":\"st"
	 "ring\"},\"decision\":{\"enum\":[\"clear\",\"block\"]},\"reason\":{\"type\":\"string\"}}}"},
	{"Proposal",
	 "{\"type\":\"object\",\"required\":[\"kind\",\"id\",\"status\",\"proposer\",\"proposed_at\",\"body\"]"
	 ",\"properties\":{\"kind\":{\"enum\":[\"license\",\"override\"]},\"id\":{\"type\":\"string\"},\"statu"
	 "s\":{\"enum\":[\"pending\",\"approved\"]},\"proposer\":{\"type\":\"string\"},\"proposed_at\":{\"type"
	 "\":\"string\"},\"decided_by\":{\"type\":[\"string\",\"null\"]},\"decided_at\":{\"type\":[\"string\","
	 "\"null\"]},\"body\":{\"type\":\"object\"}}}"},
	{"Proposals",
	 "{\"type\":\"object\",\"required\":[\"proposals\"],\"properties\":{\"proposals\":{\"type\":\"array\","
	 "\"items\":{\"$ref\":\"#/components/schemas/Proposal\"}}}}"},
	{"LicenceItem",
	 "{\"type\":\"object\",\"required\":[\"item\",\"quantity\",\"value\",\"currency\"],\"properties\":{\"i"
	 "tem\":{\"type\":\"string\"},\"quantity\":{\"type\":\"integer\",\"minimum\":1},\"value\":{\"type\":\""
	 "string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"currency\":{\"type\":\"string\"}"
	 ",\"unit\":{\"enum\":[\"number\",\"value\"]}}}"},
	{"Licence",
	 "{\"type\":\"object\",\"required\":[\"id\",\"holder\",\"destination\",\"items\",\"valid_from\",\"vali"
	 "d_to\"],\"properties\":{\"id\":{\"type\":\"string\"},\"holder\":{\"type\":\"string\"},\"destination\""
	 ":{\"type\":\"string\"},\"consignees\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"end_use"
	 "rs\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"items\":{\"type\":\"array\",\"items\":{\""
	 "$ref\":\"#/components/schemas/LicenceItem\"}},\"valid_from\":{\"type\":\"string\",\"format\":\"date\""
	 "},\"valid_to\":{\"type\":\"string\",\"format\":\"date\"},\"conditions\":{\"type\":\"array\",\"items\""
	 ":{\"type\":\"string\"}},\"provisos\":{\"type\":\"string\"},\"covers\":{\"type\":\"array\",\"items\":"
	 "{\"type\":\"string\"}}}}"},
	{"LicenceState",
	 "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"holder\":{\"type\":\"string\"},\""
	 "destination\":{\"type\":\"string\"},\"status\":{\"enum\":[\"live\",\"revoked\"]},\"under_review\":{\""
	 "type\":\"boolean\"},\"revoke_reason\":{\"type\":[\"string\",\"null\"]},\"items\":{\"type\":\"array\""
	 ",\"items\":{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"},\"quantity\":{\"type\""
	 ":\"integer\"},\"shipped_quantity\":{\"type\":\"integer\"},\"remaining_quantity\":{\"type\":\"integer"
	 "\"},\"shipped_value\":{\"type\":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},"
	 "\"remaining_value\":{\"type\":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\""
	 "value_limit\":{\"type\":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"}}}}},\"de"
	 "scription\":\"a licence with its state and per-item balances (tollgate license show --json)\"}"},
	{"Licences",
	 "{\"type\":\"object\",\"required\":[\"licenses\"],\"properties\":{\"licenses\":{\"type\":\"array\",\""
	 "items\":{\"$ref\":\"#/components/schemas/LicenceState\"}}}}"},
	{"RevokeRequest",
	 "{\"type\":\"object\",\"required\":[\"reason\"],\"properties\":{\"reason\":{\"type\":\"string\"}}}"},
	{"Customers",
	 "{\"type\":\"object\",\"required\":[\"customers\"],\"properties\":{\"customers\":{\"type\":\"array\","
	 "\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"role\":{\"type\":\"s"
	 "tring\"},\"licence\":{\"type\":\"string\"},\"destination\":{\"type\":\"string\"}}}}}}"},
	{"Certificate",
	 "{\"type\":\"object\",\"required\":[\"certificate_id\",\"lab\",\"date\",\"item\",\"serials\",\"result"
	 "\"],\"properties\":{\"certificate_id\":{\"type\":\"string\"},\"lab\":{\"type\":\"string\"},\"date\":"
	 "{\"type\":\"string\",\"format\":\"date\"},\"item\":{\"type\":\"string\"},\"serials\":{\"type\":\"arr"
	 "ay\",\"items\":{\"type\":\"string\"}},\"measured\":{\"type\":\"object\",\"properties\":{\"dense_tops"
	 "\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}},\"dram_bandwidth_gbps\":{\"t"
	 "ype\":\"number\"}}},\"result\":{\"enum\":[\"pass\",\"fail\"]}}}"},
	{"CertificateRecord",
	 "{\"type\":\"object\",\"required\":[\"certificate_id\"],\"properties\":{\"certificate_id\":{\"type\":"
	 "\"string\"},\"lab\":{\"type\":\"string\"},\"date\":{\"type\":\"string\",\"format\":\"date\"},\"item\""
	 ":{\"type\":\"string\"},\"result\":{\"type\":\"string\"},\"recorded_at\":{\"type\":\"string\"},\"cert"
	 "ificate\":{\"$ref\":\"#/components/schemas/Certificate\"},\"replayed\":{\"type\":\"boolean\"}},\"des"
	 "cription\":\"a certificate as recorded\"}"},
	{"Shipment",
	 "{\"type\":\"object\",\"required\":[\"shipment_id\",\"order_id\",\"date\",\"lines\"],\"properties\":{"
	 "\"shipment_id\":{\"type\":\"string\"},\"order_id\":{\"type\":\"string\"},\"license_id\":{\"type\":\""
	 "string\"},\"date\":{\"type\":\"string\",\"format\":\"date\"},\"lines\":{\"type\":\"array\",\"items\""
	 ":{\"type\":\"object\",\"required\":[\"item\",\"serials\"],\"properties\":{\"item\":{\"type\":\"strin"
	 "g\"},\"serials\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}}}"},
	{"ShipmentLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: one"
	 " Shipment per line\",\"x-line-schema\":{\"$ref\":\"#/components/schemas/Shipment\"}}"},
	{"Receipt",
	 "{\"type\":\"object\",\"required\":[\"shipment_id\",\"order_id\",\"status\",\"lines\",\"charges\"],\""
	 "properties\":{\"shipment_id\":{\"type\":\"string\"},\"order_id\":{\"type\":\"string\"},\"license_id\""
	 ":{\"type\":\"string\"},\"date\":{\"type\":\"string\",\"format\":\"date\"},\"status\":{\"enum\":[\"re"
	 "leased\",\"returned\",\"revoked\"]},\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"p"
	 "roperties\":{\"item\":{\"type\":\"string\"},\"quantity\":{\"type\":\"integer\"},\"value\":{\"type\":"
	 "\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"currency\":{\"type\":\"string\""
	 "}}}},\"charges\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"kind\":{\"type"
	 "\":\"string\"},\"currency\":{\"type\":\"string\"},\"amount\":{\"type\":\"string\",\"description\":\""
	 "exact decimal string, e.g. 31000.00\"}}}},\"replayed\":{\"type\":\"boolean\"}}}"},
	{"ReceiptLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: per"
	 " input line, in order, its Receipt, refusal or LineError\",\"x-line-schema\":{\"oneOf\":[{\"$ref\":\""
	 "#/components/schemas/Receipt\"},{\"$ref\":\"#/components/schemas/LineError\"},{\"type\":\"object\",\""
	 "properties\":{\"shipment_id\":{\"type\":\"string\"},\"status\":{\"const\":\"refused\"},\"reasons\":{"
	 "\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}]}}"},
	{"ReturnRequest",
	 "{\"type\":\"object\",\"required\":[\"reason\"],\"properties\":{\"reason\":{\"type\":\"string\"},\"st"
	 "atus\":{\"enum\":[\"returned\",\"revoked\"]}}}"},
	{"Trace", "{\"type\":\"object\",\"required\":[\"serial\"],\"properties\":{\"serial\":{\"type\":\"string\"},\"it"
		  "em\":{\"type\":\"string\"},\"shipment\":{\"type\":\"object\"},\"certificate\":{\"type\":\"object\"},"
		  "\"license\":{\"type\":\"object\"},\"diversion_reports\":{\"type\":\"array\",\"items\":{\"type\":\"ob"
		  "ject\"}},\"consignee\":{\"type\":\"string\"},\"end_user\":{\"type\":\"string\"}}}"},
	{"DiversionReportRequest",
	 "{\"type\":\"object\",\"required\":[\"seen_at\"],\"properties\":{\"seen_at\":{\"type\":\"string\",\"d"
	 "escription\":\"ISO 3166 country code\"},\"note\":{\"type\":\"string\"}}}"},
	{"DiversionReport",
	 "{\"type\":\"object\",\"required\":[\"serial\",\"seen_at\",\"flagged\"],\"properties\":{\"serial\":{\""
	 "type\":\"string\"},\"seen_at\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"},\"shipment_id\":"
	 "{\"type\":\"string\"},\"license_id\":{\"type\":\"string\"},\"consignee\":{\"type\":\"string\"},\"fla"
	 "gged\":{\"type\":\"boolean\"},\"recorded_at\":{\"type\":\"string\"}}}"},
	{"DiversionReports",
	 "{\"type\":\"object\",\"required\":[\"reports\"],\"properties\":{\"reports\":{\"type\":\"array\",\"it"
	 "ems\":{\"$ref\":\"#/components/schemas/DiversionReport\"}}}}"},
	{"UsVolumeReport",
	 "{\"type\":\"object\",\"properties\":{\"us_volume\":{\"type\":\"array\",\"items\":{\"type\":\"object\""
	 ",\"properties\":{\"exporter\":{\"type\":\"string\"},\"item\":{\"type\":\"string\"},\"period\":{\"typ"
	 "e\":\"string\"},\"quantity\":{\"type\":\"integer\"}}}},\"china_volume\":{\"type\":\"array\",\"items\""
	 ":{\"type\":\"object\",\"properties\":{\"exporter_norm\":{\"type\":\"string\"},\"item\":{\"type\":\"s"
	 "tring\"},\"quantity\":{\"type\":\"integer\"}}}}}}"},
	{"UsVolume",
	 "{\"type\":\"object\",\"required\":[\"exporter\",\"item\",\"quantity\",\"period\"],\"properties\":{\""
	 "exporter\":{\"type\":\"string\"},\"item\":{\"type\":\"string\"},\"quantity\":{\"type\":\"integer\",\""
	 "minimum\":0},\"period\":{\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}$\"}}}"},
	{"ReviewQueue",
	 "{\"type\":\"object\",\"required\":[\"decisions\"],\"properties\":{\"decisions\":{\"type\":\"array\","
	 "\"items\":{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"},\"exporter\":{\"ty"
	 "pe\":\"string\"},\"as_of\":{\"type\":\"string\",\"format\":\"date\"},\"recorded_at\":{\"type\":\"str"
	 "ing\"},\"decision\":{\"$ref\":\"#/components/schemas/Decision\"}}}}}}"},
	{"Statement",
	 "{\"type\":\"object\",\"required\":[\"exporter\",\"quarter\",\"lines\"],\"properties\":{\"exporter\":"
	 "{\"type\":\"string\"},\"quarter\":{\"type\":\"string\"},\"lines\":{\"type\":\"array\",\"items\":{\"t"
	 "ype\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\"},\"currency\":{\"type\":\"string\"},\""
	 "opening\":{\"type\":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"accrued\":"
	 "{\"type\":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"remitted\":{\"type\""
	 ":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"closing\":{\"type\":\"string\""
	 ",\"description\":\"exact decimal string, e.g. 31000.00\"}}}}},\"description\":\"?format=csv answers "
	 "text/csv with the same columns\"}"},
	{"LedgerCheck",
	 "{\"type\":\"object\",\"required\":[\"unbalanced\",\"balanced\"],\"properties\":{\"unbalanced\":{\"ty"
	 "pe\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"txn\":{\"type\":\"string\"},\"curren"
	 "cy\":{\"type\":\"string\"},\"sum\":{\"type\":\"string\"}}}},\"balanced\":{\"type\":\"boolean\"},\"tr"
	 "ansactions\":{\"type\":\"integer\"},\"lines\":{\"type\":\"integer\"}}}"},
	{"Remittance",
	 "{\"type\":\"object\",\"required\":[\"exporter\",\"kind\",\"amount\",\"currency\",\"date\",\"ref\"],\""
	 "properties\":{\"exporter\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},\"amount\":{\"type\""
	 ":\"string\",\"description\":\"exact decimal string, e.g. 31000.00\"},\"currency\":{\"type\":\"string"
	 "\"},\"date\":{\"type\":\"string\",\"format\":\"date\"},\"ref\":{\"type\":\"string\"}}}"},
	{"Remittances",
	 "{\"type\":\"object\",\"required\":[\"remittances\"],\"properties\":{\"remittances\":{\"type\":\"arra"
	 "y\",\"items\":{\"$ref\":\"#/components/schemas/Remittance\"}}}}"},
	{"AuditReport",
	 "{\"type\":\"object\",\"required\":[\"ok\",\"entries\"],\"properties\":{\"ok\":{\"type\":\"boolean\"}"
	 ",\"entries\":{\"type\":\"integer\"},\"first_broken\":{\"type\":\"integer\"},\"reason\":{\"type\":[\""
	 "string\",\"null\"]}}}"},
	{"AuditLines",
	 "{\"type\":\"string\",\"contentMediaType\":\"application/x-ndjson\",\"description\":\"JSON Lines: one"
	 " audit entry per line, in seq order\",\"x-line-schema\":{\"type\":\"object\",\"required\":[\"seq\",\""
	 "prev_hash\",\"hash\",\"entry\"],\"properties\":{\"seq\":{\"type\":\"integer\"},\"prev_hash\":{\"type"
	 "\":\"string\"},\"hash\":{\"type\":\"string\"},\"entry\":{\"type\":\"object\"}}}}"},
};
const size_t openapi_nschemas = sizeof(openapi_schemas) / sizeof(openapi_schemas[0]);

/* Per operation: its request body schema (NULL: it takes none), the schema of its success response,
 * and that response's status. Every route of routes.c has a row (tests/unit/server/test_openapi.c). */
static const struct {
	const char *op, *req, *resp;
	int status;
} refs[] = {
	{"healthz", NULL, "Status", 200},
	{"readyz", NULL, "Status", 200},
	{"metrics", NULL, "PrometheusText", 200},
	{"openapi", NULL, "OpenApiDocument", 200},
	{"whoami", NULL, "WhoAmI", 200},
	{"catalog", NULL, "Catalog", 200},
	{"classifyItem", NULL, "Classification", 200},
	{"classifySpec", "Spec", "Classification", 200},
	{"checkOrder", "Order", "Decision", 200},
	{"checkOrders", "OrderLines", "DecisionLines", 200},
	{"screenName", "ScreenRequest", "ScreenResult", 200},
	{"screenNames", "ScreenLines", "ScreenResultLines", 200},
	{"listSnapshots", NULL, "Snapshots", 200},
	{"loadList", "ListLoad", "LoadedSnapshot", 201},
	{"uploadList", "ListFile", "LoadedSnapshot", 201},
	{"rescreenReport", NULL, "RescreenReport", 200},
	{"policyInForce", NULL, "Policy", 200},
	{"listTokens", NULL, "Tokens", 200},
	{"addToken", "TokenRequest", "Token", 201},
	{"revokeToken", NULL, "TokenRevoked", 200},
	{"listOverrides", NULL, "Overrides", 200},
	{"proposeOverride", "OverrideRequest", "Proposal", 201},
	{"listOverrideProposals", NULL, "Proposals", 200},
	{"approveOverride", NULL, "Proposal", 200},
	{"listLicences", NULL, "Licences", 200},
	{"applyLicence", "Licence", "Proposal", 201},
	{"listLicenceApplications", NULL, "Proposals", 200},
	{"getLicence", NULL, "LicenceState", 200},
	{"issueLicence", NULL, "LicenceState", 201},
	{"revokeLicence", "RevokeRequest", "LicenceState", 200},
	{"approvedCustomers", NULL, "Customers", 200},
	{"issueCertificate", "Certificate", "CertificateRecord", 201},
	{"getCertificate", NULL, "CertificateRecord", 200},
	{"ship", "Shipment", "Receipt", 201},
	{"shipMany", "ShipmentLines", "ReceiptLines", 200},
	{"getShipment", NULL, "Receipt", 200},
	{"returnShipment", "ReturnRequest", "Receipt", 200},
	{"traceSerial", NULL, "Trace", 200},
	{"reportDiversion", "DiversionReportRequest", "DiversionReport", 201},
	{"diversionReport", NULL, "DiversionReports", 200},
	{"usVolume", NULL, "UsVolumeReport", 200},
	{"recordUsVolume", "UsVolume", "UsVolume", 201},
	{"reviewQueue", NULL, "ReviewQueue", 200},
	{"ledger", NULL, "Statement", 200},
	{"ledgerCheck", NULL, "LedgerCheck", 200},
	{"listRemittances", NULL, "Remittances", 200},
	{"recordRemittance", "Remittance", "Remittance", 201},
	{"auditVerify", NULL, "AuditReport", 200},
	{"auditExport", NULL, "AuditLines", 200},
};

/* The schema names an operation takes and returns, and its success status (NULL, NULL, 200 for an
 * operation without a row). */
void openapi_refs(const char *op_id, const char **req, const char **resp, int *status)
{
	size_t i;
	*req = *resp = NULL;
	*status = 200;
	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
		if (strcmp(refs[i].op, op_id) == 0) {
			*req = refs[i].req;
			*resp = refs[i].resp;
			*status = refs[i].status;
		}
}

/* Success responses with a second media type (a text body). */
static const struct {
	const char *op, *media;
} alts[] = {
	{"ledger", "text/csv"}, /* GET /v1/ledger?format=csv */
};

const char *openapi_alt_media(const char *op_id)
{
	size_t i;
	for (i = 0; i < sizeof(alts) / sizeof(alts[0]); i++)
		if (strcmp(alts[i].op, op_id) == 0)
			return alts[i].media;
	return NULL;
}
