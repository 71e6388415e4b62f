package synth

// Vocabulary of a foreign-trade department, in the register of the shipped
// handbook. Plain strings: no double quotes or backslashes, so that every
// one can go into a TOML basic string as it is.

type pair struct{ zh, en string }

// teamDefs are the first teams; more are numbered.
var teamDefs = []struct {
	id       string
	name     pair
	external bool
}{
	{"foreign-trade", pair{"外贸部", "Foreign trade"}, false},
	{"marketing", pair{"市场部", "Marketing"}, false},
	{"purchasing", pair{"采购部", "Purchasing"}, false},
	{"quality", pair{"质检部", "Quality"}, false},
	{"logistics", pair{"物流部", "Logistics"}, false},
	{"finance", pair{"财务部", "Finance"}, false},
	{"hr", pair{"人力资源部", "Human resources"}, false},
	{"it", pair{"信息部", "Information systems"}, false},
	{"legal", pair{"法务合规部", "Legal and compliance"}, false},
	{"customer", pair{"客户", "Customers"}, true},
	{"supplier", pair{"供应商", "Suppliers"}, true},
	{"forwarder", pair{"货代与报关行", "Forwarders and brokers"}, true},
}

// Job titles by rank inside a team: head, supervisor, staff.
var (
	headTitle  = pair{"经理", "manager"}
	superTitle = pair{"主管", "supervisor"}
	staffTitle = []pair{
		{"专员", "specialist"}, {"业务员", "representative"}, {"助理", "assistant"},
		{"分析员", "analyst"}, {"协调员", "coordinator"}, {"文员", "clerk"},
	}
	externalTitle = []pair{
		{"采购经理", "buyer"}, {"业务代表", "account rep"}, {"操作员", "operator"},
		{"联络人", "contact"}, {"质量代表", "quality rep"},
	}
)

var topics = []pair{
	{"订单处理", "Order processing"}, {"报关", "Customs declaration"},
	{"信用证", "Letters of credit"}, {"出口退税", "Export tax rebate"},
	{"装运安排", "Shipment booking"}, {"提单管理", "Bill of lading control"},
	{"供应商管理", "Supplier management"}, {"客户开发", "Customer development"},
	{"报价与合同", "Quotation and contract"}, {"验货与质检", "Inspection and QC"},
	{"结汇与收款", "Foreign exchange settlement"}, {"单证审核", "Document examination"},
	{"索赔处理", "Claims handling"}, {"样品管理", "Sample management"},
	{"货代协调", "Forwarder coordination"}, {"合规审查", "Compliance screening"},
	{"客户投诉", "Customer complaints"}, {"应收账款", "Receivables"},
	{"展会管理", "Trade fairs"}, {"数据分析", "Data analysis"},
}

var aspects = []pair{
	{"操作规程", "procedure"}, {"常见问题", "FAQ"}, {"注意事项", "checklist"},
	{"审批规则", "approval rules"}, {"时间节点", "deadlines"}, {"风险控制", "risk control"},
	{"系统录入", "ERP entry"}, {"管理办法", "rules"},
}

var docs = []pair{
	{"形式发票", "proforma invoice"}, {"商业发票", "commercial invoice"},
	{"装箱单", "packing list"}, {"海运提单", "ocean bill of lading"},
	{"原产地证", "certificate of origin"}, {"报关单", "customs declaration form"},
	{"信用证正本", "original letter of credit"}, {"采购合同", "purchase contract"},
	{"销售确认书", "sales confirmation"}, {"保险单", "insurance policy"},
	{"检验证书", "inspection certificate"}, {"验货报告", "inspection report"},
}

var tasks = []pair{
	{"审核单据", "review the documents"}, {"录入 ERP 系统", "enter the order in the ERP system"},
	{"确认交货期", "confirm the delivery date"}, {"安排订舱", "book the vessel space"},
	{"提交报关资料", "submit the customs filing"}, {"通知客户", "notify the customer"},
	{"联系供应商", "contact the supplier"}, {"交单议付", "present documents for negotiation"},
	{"核对 HS 编码", "verify the HS code"}, {"申请出口退税", "apply for the export tax rebate"},
	{"归档", "archive the file"}, {"评估风险", "assess the risk"},
	{"核算成本", "cost the order"}, {"审批报价", "approve the quotation"},
}

var (
	terms     = []string{"FOB", "CIF", "CFR", "EXW", "DAP", "DDP", "FCA"}
	ports     = []string{"上海港", "宁波港", "深圳盐田港", "青岛港", "天津港", "厦门港"}
	portsEn   = []string{"Hamburg", "Rotterdam", "Los Angeles", "Singapore", "Dubai", "Santos"}
	durations = []string{"30m", "2h", "4h", "8h", "24h", "48h", "72h", "120h"}
	cycles    = []string{"quarterly", "semi-annual", "annual"}
)

var zhSentences = []string{
	"{role}在收到{doc}后，应于 {n} 个工作日内{task}。",
	"如{doc}与合同条款不一致，{role}须立即{task}，并抄送上级主管。",
	"采用 {term} 条款成交时，货物自{port}装运，{role}负责{task}。",
	"所有{doc}须加盖公司业务章，由{role}统一{task}。",
	"报关前请确认 HS 编码、申报要素及{doc}内容一致，避免海关查验延误。",
	"对于新 supplier，{role}须先完成资质审核，再{task}。",
	"customer 询盘应在 {n} 小时内回复，报价有效期一般为 15 天。",
	"订单处理过程中如遇交期变更，{role}应及时{task}并更新跟单表。",
	"出口退税申报以报关单和增值税发票为依据，{role}负责按月{task}。",
	"本节所述流程适用于{port}出运的全部订单，特殊情况由{role}另行批示。",
}

var enSentences = []string{
	"The {roleEn} must {taskEn} within {n} business days of receiving the {docEn}.",
	"Under {term} terms the seller delivers at {portEn}; the {roleEn} must {taskEn} before cut-off.",
	"Every {docEn} is checked against the sales confirmation before it leaves the department.",
	"When a supplier misses the agreed delivery date, the {roleEn} should {taskEn} and log the delay.",
	"Keep one copy of the {docEn} in the order folder and send the original by courier.",
	"Use the ERP order number, not the customer PO number, as the reference on every {docEn}.",
	"Screen every new customer and supplier against the sanctions list before the first order.",
}

// glossaryBase are real terms; the rest of the glossary is built from docs
// and topics.
var glossaryBase = []struct {
	term    string
	aliases []string
	def     string
}{
	{"FOB", []string{"离岸价", "Free On Board"}, "船上交货：卖方在装运港将货物装上买方指定的船舶即完成交货。"},
	{"CIF", []string{"到岸价", "Cost Insurance and Freight"}, "成本加保险费加运费：卖方订舱、付运费并投保。"},
	{"CFR", []string{"成本加运费", "C&F"}, "卖方负责订舱并支付运费，不负责保险。"},
	{"EXW", []string{"工厂交货", "Ex Works"}, "卖方在其工厂把货物交给买方处置即完成交货。"},
	{"DAP", []string{"目的地交货", "Delivered at Place"}, "卖方把货物运到指定目的地交给买方处置。"},
	{"DDP", []string{"完税后交货", "Delivered Duty Paid"}, "卖方承担运到目的地的全部费用和进口税费。"},
	{"FCA", []string{"货交承运人", "Free Carrier"}, "卖方把货物交给买方指定的承运人即完成交货。"},
	{"信用证", []string{"L/C", "Letter of Credit"}, "银行应买方申请开立的、凭相符单据付款的书面承诺。"},
	{"电汇", []string{"T/T", "Telegraphic Transfer"}, "通过银行电讯方式汇付货款。"},
	{"付款交单", []string{"D/P", "Documents against Payment"}, "买方付款后银行才交出单据。"},
	{"承兑交单", []string{"D/A", "Documents against Acceptance"}, "买方承兑汇票后即可取得单据。"},
	{"报关", []string{"customs declaration"}, "向海关申报出口货物的情况并办理手续。"},
	{"出口退税", []string{"tax rebate", "VAT refund"}, "出口货物退还国内环节已缴纳的增值税。"},
	{"HS 编码", []string{"HS code", "海关编码"}, "协调制度商品编码，决定税率与监管条件。"},
	{"唛头", []string{"shipping mark"}, "外包装上的识别标志。"},
	{"订舱", []string{"booking"}, "向船公司或货代预订舱位。"},
	{"提单", []string{"B/L", "bill of lading"}, "承运人签发的货物收据和物权凭证。"},
	{"不符点", []string{"discrepancy"}, "单据与信用证条款不一致之处。"},
	{"结汇", []string{"FX settlement"}, "将收到的外汇卖给银行换成人民币。"},
	{"形式发票", []string{"PI", "proforma invoice"}, "成交前开给买方的发票样式的报价确认。"},
}

var glossaryAttrs = []pair{
	{"编号", "number"}, {"日期", "date"}, {"金额", "amount"}, {"份数", "copies"},
	{"签章", "seal"}, {"更正", "amendment"}, {"归档期限", "retention period"},
	{"审核要点", "review points"}, {"模板", "template"}, {"扫描件", "scan"},
	{"副本", "duplicate"}, {"草稿", "draft"}, {"电子版", "electronic copy"},
	{"有效期", "validity"}, {"币种", "currency"}, {"收件人", "consignee"},
}
