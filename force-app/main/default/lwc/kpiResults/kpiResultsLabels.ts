/**
 * The custom labels kpiResults shows, imported in one place. KPI_LABELS resolves the label names kpiCatalog declares
 * (titles, definitions, breakdowns, settings); a test checks every catalog name has its text here.
 */
import kpiAverageContractValue from '@salesforce/label/c.kpiAverageContractValue';
import kpiAverageContractValueHelp from '@salesforce/label/c.kpiAverageContractValueHelp';
import kpiAverageDaysLeadToOpportunity from '@salesforce/label/c.kpiAverageDaysLeadToOpportunity';
import kpiAverageDaysLeadToOpportunityHelp from '@salesforce/label/c.kpiAverageDaysLeadToOpportunityHelp';
import kpiAverageDealSize from '@salesforce/label/c.kpiAverageDealSize';
import kpiAverageDealSizeHelp from '@salesforce/label/c.kpiAverageDealSizeHelp';
import kpiAverageSalesCycle from '@salesforce/label/c.kpiAverageSalesCycle';
import kpiAverageSalesCycleHelp from '@salesforce/label/c.kpiAverageSalesCycleHelp';
import kpiCampaignOpenRate from '@salesforce/label/c.kpiCampaignOpenRate';
import kpiCampaignOpenRateHelp from '@salesforce/label/c.kpiCampaignOpenRateHelp';
import kpiCampaignOpens from '@salesforce/label/c.kpiCampaignOpens';
import kpiCampaignOpensHelp from '@salesforce/label/c.kpiCampaignOpensHelp';
import kpiCampaignResponseRate from '@salesforce/label/c.kpiCampaignResponseRate';
import kpiCampaignResponseRateHelp from '@salesforce/label/c.kpiCampaignResponseRateHelp';
import kpiCampaignResponses from '@salesforce/label/c.kpiCampaignResponses';
import kpiCampaignResponsesHelp from '@salesforce/label/c.kpiCampaignResponsesHelp';
import kpiClosedWonRevenue from '@salesforce/label/c.kpiClosedWonRevenue';
import kpiClosedWonRevenueHelp from '@salesforce/label/c.kpiClosedWonRevenueHelp';
import kpiEmailsSent from '@salesforce/label/c.kpiEmailsSent';
import kpiNewLogos from '@salesforce/label/c.kpiNewLogos';
import kpiNewLogosHelp from '@salesforce/label/c.kpiNewLogosHelp';
import kpiEmailsSentHelp from '@salesforce/label/c.kpiEmailsSentHelp';
import kpiGroupingCampaign from '@salesforce/label/c.kpiGroupingCampaign';
import kpiGroupingForecastCategory from '@salesforce/label/c.kpiGroupingForecastCategory';
import kpiGroupingLossReason from '@salesforce/label/c.kpiGroupingLossReason';
import kpiGroupingOwner from '@salesforce/label/c.kpiGroupingOwner';
import kpiGroupingSource from '@salesforce/label/c.kpiGroupingSource';
import kpiGroupingStage from '@salesforce/label/c.kpiGroupingStage';
import kpiGroupingType from '@salesforce/label/c.kpiGroupingType';
import kpiLeadConversionRate from '@salesforce/label/c.kpiLeadConversionRate';
import kpiLeadConversionRateHelp from '@salesforce/label/c.kpiLeadConversionRateHelp';
import kpiLeadsCreated from '@salesforce/label/c.kpiLeadsCreated';
import kpiLeadsCreatedHelp from '@salesforce/label/c.kpiLeadsCreatedHelp';
import kpiLeadsFromCampaigns from '@salesforce/label/c.kpiLeadsFromCampaigns';
import kpiLeadsFromCampaignsHelp from '@salesforce/label/c.kpiLeadsFromCampaignsHelp';
import kpiLostAmount from '@salesforce/label/c.kpiLostAmount';
import kpiLostAmountHelp from '@salesforce/label/c.kpiLostAmountHelp';
import kpiNoteComparisonNotSupported from '@salesforce/label/c.kpiNoteComparisonNotSupported';
import kpiNoteSparklineNotSupported from '@salesforce/label/c.kpiNoteSparklineNotSupported';
import kpiOpportunitiesLost from '@salesforce/label/c.kpiOpportunitiesLost';
import kpiOpportunitiesLostHelp from '@salesforce/label/c.kpiOpportunitiesLostHelp';
import kpiOpportunitiesOpened from '@salesforce/label/c.kpiOpportunitiesOpened';
import kpiOpportunitiesOpenedHelp from '@salesforce/label/c.kpiOpportunitiesOpenedHelp';
import kpiOpportunitiesWon from '@salesforce/label/c.kpiOpportunitiesWon';
import kpiOpportunitiesWonHelp from '@salesforce/label/c.kpiOpportunitiesWonHelp';
import kpiOutboundCalls from '@salesforce/label/c.kpiOutboundCalls';
import kpiOutboundCallsHelp from '@salesforce/label/c.kpiOutboundCallsHelp';
import kpiPipelineCoverage from '@salesforce/label/c.kpiPipelineCoverage';
import kpiPipelineCoverageHelp from '@salesforce/label/c.kpiPipelineCoverageHelp';
import kpiPipelineCreated from '@salesforce/label/c.kpiPipelineCreated';
import kpiPipelineCreatedHelp from '@salesforce/label/c.kpiPipelineCreatedHelp';
import kpiPipelineValue from '@salesforce/label/c.kpiPipelineValue';
import kpiPipelineValueHelp from '@salesforce/label/c.kpiPipelineValueHelp';
import kpiProblemBadCalendar from '@salesforce/label/c.kpiProblemBadCalendar';
import kpiProblemBadComparison from '@salesforce/label/c.kpiProblemBadComparison';
import kpiProblemBadGrouping from '@salesforce/label/c.kpiProblemBadGrouping';
import kpiProblemBadPeriod from '@salesforce/label/c.kpiProblemBadPeriod';
import kpiProblemBadScope from '@salesforce/label/c.kpiProblemBadScope';
import kpiProblemBadSetting from '@salesforce/label/c.kpiProblemBadSetting';
import kpiProblemBadSparkline from '@salesforce/label/c.kpiProblemBadSparkline';
import kpiProblemBadTarget from '@salesforce/label/c.kpiProblemBadTarget';
import kpiProblemBadFilter from '@salesforce/label/c.kpiProblemBadFilter';
import kpiProblemBadRecord from '@salesforce/label/c.kpiProblemBadRecord';
import kpiProblemBadBuckets from '@salesforce/label/c.kpiProblemBadBuckets';
import kpiProblemDuplicateKey from '@salesforce/label/c.kpiProblemDuplicateKey';
import kpiProblemNoUser from '@salesforce/label/c.kpiProblemNoUser';
import kpiProblemSparklineTooLong from '@salesforce/label/c.kpiProblemSparklineTooLong';
import kpiProblemTooManySubqueries from '@salesforce/label/c.kpiProblemTooManySubqueries';
import kpiProblemUnknownKpi from '@salesforce/label/c.kpiProblemUnknownKpi';
import kpiErrorUnknown from '@salesforce/label/c.kpiErrorUnknown';
import kpiResultComparisonFailed from '@salesforce/label/c.kpiResultComparisonFailed';
import kpiResultDuplicateGroup from '@salesforce/label/c.kpiResultDuplicateGroup';
import kpiResultFieldHidden from '@salesforce/label/c.kpiResultFieldHidden';
import kpiResultIncomplete from '@salesforce/label/c.kpiResultIncomplete';
import kpiResultInconsistent from '@salesforce/label/c.kpiResultInconsistent';
import kpiResultMalformed from '@salesforce/label/c.kpiResultMalformed';
import kpiResultNoResponse from '@salesforce/label/c.kpiResultNoResponse';
import kpiResultNotANumber from '@salesforce/label/c.kpiResultNotANumber';
import kpiResultRetry from '@salesforce/label/c.kpiResultRetry';
import kpiResultTooManyGroups from '@salesforce/label/c.kpiResultTooManyGroups';
import kpiResultUnplaced from '@salesforce/label/c.kpiResultUnplaced';
import kpiSettingAmountsAreMonthly from '@salesforce/label/c.kpiSettingAmountsAreMonthly';
import kpiSettingLossReasonField from '@salesforce/label/c.kpiSettingLossReasonField';
import kpiSettingOpenedStatuses from '@salesforce/label/c.kpiSettingOpenedStatuses';
import kpiSettingQuotaField from '@salesforce/label/c.kpiSettingQuotaField';
import kpiSettingSentStatuses from '@salesforce/label/c.kpiSettingSentStatuses';
import kpiWinRate from '@salesforce/label/c.kpiWinRate';
import kpiWinRateByAmount from '@salesforce/label/c.kpiWinRateByAmount';
import kpiWinRateByAmountHelp from '@salesforce/label/c.kpiWinRateByAmountHelp';
import kpiWinRateHelp from '@salesforce/label/c.kpiWinRateHelp';
import type { NoteCode, ProblemCode } from 'c/kpiPlanner';

export const KPI_LABELS: Record<string, string> = {
    kpiLeadsCreated,
    kpiLeadsCreatedHelp,
    kpiLeadsFromCampaigns,
    kpiLeadsFromCampaignsHelp,
    kpiOpportunitiesOpened,
    kpiOpportunitiesOpenedHelp,
    kpiPipelineCreated,
    kpiPipelineCreatedHelp,
    kpiOpportunitiesWon,
    kpiOpportunitiesWonHelp,
    kpiOpportunitiesLost,
    kpiOpportunitiesLostHelp,
    kpiClosedWonRevenue,
    kpiClosedWonRevenueHelp,
    kpiLostAmount,
    kpiLostAmountHelp,
    kpiAverageDealSize,
    kpiAverageDealSizeHelp,
    kpiAverageContractValue,
    kpiAverageContractValueHelp,
    kpiWinRate,
    kpiWinRateHelp,
    kpiWinRateByAmount,
    kpiWinRateByAmountHelp,
    kpiLeadConversionRate,
    kpiLeadConversionRateHelp,
    kpiAverageDaysLeadToOpportunity,
    kpiAverageDaysLeadToOpportunityHelp,
    kpiAverageSalesCycle,
    kpiAverageSalesCycleHelp,
    kpiEmailsSent,
    kpiEmailsSentHelp,
    kpiOutboundCalls,
    kpiOutboundCallsHelp,
    kpiCampaignOpens,
    kpiCampaignOpensHelp,
    kpiCampaignOpenRate,
    kpiCampaignOpenRateHelp,
    kpiCampaignResponses,
    kpiCampaignResponsesHelp,
    kpiCampaignResponseRate,
    kpiCampaignResponseRateHelp,
    kpiPipelineValue,
    kpiPipelineValueHelp,
    kpiPipelineCoverage,
    kpiPipelineCoverageHelp,
    kpiNewLogos,
    kpiNewLogosHelp,
    kpiGroupingOwner,
    kpiGroupingSource,
    kpiGroupingLossReason,
    kpiGroupingType,
    kpiGroupingCampaign,
    kpiGroupingStage,
    kpiGroupingForecastCategory,
    kpiSettingLossReasonField,
    kpiSettingQuotaField,
    kpiSettingSentStatuses,
    kpiSettingOpenedStatuses,
    kpiSettingAmountsAreMonthly,
};

const problems: Record<ProblemCode, string> = {
    unknownKpi: kpiProblemUnknownKpi,
    badPeriod: kpiProblemBadPeriod,
    badComparison: kpiProblemBadComparison,
    badScope: kpiProblemBadScope,
    noUser: kpiProblemNoUser,
    badSetting: kpiProblemBadSetting,
    badSparkline: kpiProblemBadSparkline,
    sparklineTooLong: kpiProblemSparklineTooLong,
    badGrouping: kpiProblemBadGrouping,
    badTarget: kpiProblemBadTarget,
    badFilter: kpiProblemBadFilter,
    badRecord: kpiProblemBadRecord,
    badBuckets: kpiProblemBadBuckets,
    duplicateKey: kpiProblemDuplicateKey,
    badCalendar: kpiProblemBadCalendar,
    tooManySubqueries: kpiProblemTooManySubqueries,
};

const notes: Record<NoteCode, string> = {
    comparisonNotSupported: kpiNoteComparisonNotSupported,
    sparklineNotSupported: kpiNoteSparklineNotSupported,
};

export const RESULT_LABELS = {
    retry: kpiResultRetry,
    noResponse: kpiResultNoResponse,
    incomplete: kpiResultIncomplete,
    tooManyGroups: kpiResultTooManyGroups,
    fieldHidden: kpiResultFieldHidden,
    inconsistent: kpiResultInconsistent,
    malformed: kpiResultMalformed,
    notANumber: kpiResultNotANumber,
    duplicateGroup: kpiResultDuplicateGroup,
    unplaced: kpiResultUnplaced,
    comparisonFailed: kpiResultComparisonFailed,
    unknown: kpiErrorUnknown,
    problems,
    notes,
};
