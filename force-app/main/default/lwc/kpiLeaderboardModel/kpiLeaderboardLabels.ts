/**
 * The custom labels the leaderboard shows, imported in one place. Problem and property labels are keyed by the codes
 * and property names kpiLeaderboardQuery reports, so a test can check that every code has its sentence.
 */
import kpiTilePeriodRollingDays from '@salesforce/label/c.kpiTilePeriodRollingDays';
import kpiLeaderboardAll from '@salesforce/label/c.kpiLeaderboardAll';
import kpiLeaderboardAmountsCurrency from '@salesforce/label/c.kpiLeaderboardAmountsCurrency';
import kpiLeaderboardBelowMinSample from '@salesforce/label/c.kpiLeaderboardBelowMinSample';
import kpiLeaderboardCaption from '@salesforce/label/c.kpiLeaderboardCaption';
import kpiLeaderboardConfigTitle from '@salesforce/label/c.kpiLeaderboardConfigTitle';
import kpiLeaderboardEmpty from '@salesforce/label/c.kpiLeaderboardEmpty';
import kpiLeaderboardFieldHidden from '@salesforce/label/c.kpiLeaderboardFieldHidden';
import kpiLeaderboardFilterGroup from '@salesforce/label/c.kpiLeaderboardFilterGroup';
import kpiConfigPropPeriod from '@salesforce/label/c.kpiConfigPropPeriod';
import kpiGroupingSource from '@salesforce/label/c.kpiGroupingSource';
import kpiGroupingType from '@salesforce/label/c.kpiGroupingType';
import kpiLeaderboardFilterValuesPart from '@salesforce/label/c.kpiLeaderboardFilterValuesPart';
import kpiLeaderboardFilterYear from '@salesforce/label/c.kpiLeaderboardFilterYear';
import kpiLeaderboardGapToTarget from '@salesforce/label/c.kpiLeaderboardGapToTarget';
import kpiLeaderboardGroupManager from '@salesforce/label/c.kpiLeaderboardGroupManager';
import kpiLeaderboardGroupRep from '@salesforce/label/c.kpiLeaderboardGroupRep';
import kpiLeaderboardGroupRole from '@salesforce/label/c.kpiLeaderboardGroupRole';
import kpiLeaderboardIncomplete from '@salesforce/label/c.kpiLeaderboardIncomplete';
import kpiLeaderboardLoading from '@salesforce/label/c.kpiLeaderboardLoading';
import kpiLeaderboardMembers from '@salesforce/label/c.kpiLeaderboardMembers';
import kpiLeaderboardMovedDown from '@salesforce/label/c.kpiLeaderboardMovedDown';
import kpiLeaderboardMovedUp from '@salesforce/label/c.kpiLeaderboardMovedUp';
import kpiLeaderboardMovement from '@salesforce/label/c.kpiLeaderboardMovement';
import kpiLeaderboardMovementPart from '@salesforce/label/c.kpiLeaderboardMovementPart';
import kpiLeaderboardMovementWindow from '@salesforce/label/c.kpiLeaderboardMovementWindow';
import kpiLeaderboardNew from '@salesforce/label/c.kpiLeaderboardNew';
import kpiLeaderboardNoAnswer from '@salesforce/label/c.kpiLeaderboardNoAnswer';
import kpiLeaderboardNoManager from '@salesforce/label/c.kpiLeaderboardNoManager';
import kpiLeaderboardNoRole from '@salesforce/label/c.kpiLeaderboardNoRole';
import kpiLeaderboardNoTarget from '@salesforce/label/c.kpiLeaderboardNoTarget';
import kpiLeaderboardNoValue from '@salesforce/label/c.kpiLeaderboardNoValue';
import kpiLeaderboardNotRanked from '@salesforce/label/c.kpiLeaderboardNotRanked';
import kpiLeaderboardOpenUser from '@salesforce/label/c.kpiLeaderboardOpenUser';
import kpiLeaderboardPace from '@salesforce/label/c.kpiLeaderboardPace';
import kpiLeaderboardOwnersUnseen from '@salesforce/label/c.kpiLeaderboardOwnersUnseen';
import kpiLeaderboardPartFailed from '@salesforce/label/c.kpiLeaderboardPartFailed';
import kpiLeaderboardPercentOfTarget from '@salesforce/label/c.kpiLeaderboardPercentOfTarget';
import kpiLeaderboardProblemBadYearChoice from '@salesforce/label/c.kpiLeaderboardProblemBadYearChoice';
import kpiLeaderboardProblemComparisonNotSupported from '@salesforce/label/c.kpiLeaderboardProblemComparisonNotSupported';
import kpiLeaderboardProblemFilterNotApplicable from '@salesforce/label/c.kpiLeaderboardProblemFilterNotApplicable';
import kpiLeaderboardProblemMinSampleIgnored from '@salesforce/label/c.kpiLeaderboardProblemMinSampleIgnored';
import kpiLeaderboardProblemMissingProfile from '@salesforce/label/c.kpiLeaderboardProblemMissingProfile';
import kpiLeaderboardProblemMissingRole from '@salesforce/label/c.kpiLeaderboardProblemMissingRole';
import kpiLeaderboardProblemMissingTarget from '@salesforce/label/c.kpiLeaderboardProblemMissingTarget';
import kpiLeaderboardProblemNotRankable from '@salesforce/label/c.kpiLeaderboardProblemNotRankable';
import kpiLeaderboardProblemPercentTarget from '@salesforce/label/c.kpiLeaderboardProblemPercentTarget';
import kpiLeaderboardProblemSecondaryIsMain from '@salesforce/label/c.kpiLeaderboardProblemSecondaryIsMain';
import kpiLeaderboardProblemTargetIgnored from '@salesforce/label/c.kpiLeaderboardProblemTargetIgnored';
import kpiLeaderboardProblemTargetNeeded from '@salesforce/label/c.kpiLeaderboardProblemTargetNeeded';
import kpiLeaderboardPropComparison from '@salesforce/label/c.kpiLeaderboardPropComparison';
import kpiConfigPropCurrencyCode from '@salesforce/label/c.kpiConfigPropCurrencyCode';
import kpiLeaderboardPropFiscalYearStartMonth from '@salesforce/label/c.kpiLeaderboardPropFiscalYearStartMonth';
import kpiLeaderboardRank from '@salesforce/label/c.kpiLeaderboardRank';
import kpiLeaderboardPropKpi from '@salesforce/label/c.kpiLeaderboardPropKpi';
import kpiLeaderboardPropManagerId from '@salesforce/label/c.kpiLeaderboardPropManagerId';
import kpiLeaderboardPropMinSample from '@salesforce/label/c.kpiLeaderboardPropMinSample';
import kpiLeaderboardPropProfileName from '@salesforce/label/c.kpiLeaderboardPropProfileName';
import kpiLeaderboardPropRankBy from '@salesforce/label/c.kpiLeaderboardPropRankBy';
import kpiLeaderboardPropRankMethod from '@salesforce/label/c.kpiLeaderboardPropRankMethod';
import kpiLeaderboardPropRankedUsers from '@salesforce/label/c.kpiLeaderboardPropRankedUsers';
import kpiLeaderboardPropRoleName from '@salesforce/label/c.kpiLeaderboardPropRoleName';
import kpiLeaderboardPropRowLimit from '@salesforce/label/c.kpiLeaderboardPropRowLimit';
import kpiLeaderboardPropSecondaryKpis from '@salesforce/label/c.kpiLeaderboardPropSecondaryKpis';
import kpiLeaderboardPropShowFilters from '@salesforce/label/c.kpiLeaderboardPropShowFilters';
import kpiLeaderboardPropTarget from '@salesforce/label/c.kpiLeaderboardPropTarget';
import kpiLeaderboardPropTargetField from '@salesforce/label/c.kpiLeaderboardPropTargetField';
import kpiConfigPropTarget from '@salesforce/label/c.kpiConfigPropTarget';
import kpiLeaderboardPropVariant from '@salesforce/label/c.kpiLeaderboardPropVariant';
import kpiLeaderboardPropYearsShown from '@salesforce/label/c.kpiLeaderboardPropYearsShown';
import kpiLeaderboardRankedByTarget from '@salesforce/label/c.kpiLeaderboardRankedByTarget';
import kpiLeaderboardRep from '@salesforce/label/c.kpiLeaderboardRep';
import kpiLeaderboardSame from '@salesforce/label/c.kpiLeaderboardSame';
import kpiLeaderboardShowAll from '@salesforce/label/c.kpiLeaderboardShowAll';
import kpiLeaderboardShowRecords from '@salesforce/label/c.kpiLeaderboardShowRecords';
import kpiLeaderboardShowTop from '@salesforce/label/c.kpiLeaderboardShowTop';
import kpiLeaderboardTargetFieldFailed from '@salesforce/label/c.kpiLeaderboardTargetFieldFailed';
import kpiLeaderboardTeamManager from '@salesforce/label/c.kpiLeaderboardTeamManager';
import kpiLeaderboardTeamRole from '@salesforce/label/c.kpiLeaderboardTeamRole';
import kpiLeaderboardTied from '@salesforce/label/c.kpiLeaderboardTied';
import kpiLeaderboardTitle from '@salesforce/label/c.kpiLeaderboardTitle';
import kpiLeaderboardTooManySecondary from '@salesforce/label/c.kpiLeaderboardTooManySecondary';
import kpiLeaderboardTotal from '@salesforce/label/c.kpiLeaderboardTotal';
import kpiLeaderboardViewerGap from '@salesforce/label/c.kpiLeaderboardViewerGap';
import kpiLeaderboardViewerMoved from '@salesforce/label/c.kpiLeaderboardViewerMoved';
import kpiLeaderboardViewerRank from '@salesforce/label/c.kpiLeaderboardViewerRank';
import kpiLeaderboardViewerRankTied from '@salesforce/label/c.kpiLeaderboardViewerRankTied';
import kpiLeaderboardViewerUnranked from '@salesforce/label/c.kpiLeaderboardViewerUnranked';
import kpiLeaderboardOwnOnly from '@salesforce/label/c.kpiLeaderboardOwnOnly';
import kpiLeaderboardVisibility from '@salesforce/label/c.kpiLeaderboardVisibility';
import kpiLeaderboardYou from '@salesforce/label/c.kpiLeaderboardYou';
import kpiLeaderboardYourPosition from '@salesforce/label/c.kpiLeaderboardYourPosition';
import kpiResultUnplaced from '@salesforce/label/c.kpiResultUnplaced';

export const LABELS = {
    all: kpiLeaderboardAll,
    amountsCurrency: kpiLeaderboardAmountsCurrency,
    belowMinSample: kpiLeaderboardBelowMinSample,
    caption: kpiLeaderboardCaption,
    configTitle: kpiLeaderboardConfigTitle,
    empty: kpiLeaderboardEmpty,
    fieldHidden: kpiLeaderboardFieldHidden,
    filterGroup: kpiLeaderboardFilterGroup,
    filterPeriod: kpiConfigPropPeriod,
    filterSource: kpiGroupingSource,
    filterType: kpiGroupingType,
    filterValuesPart: kpiLeaderboardFilterValuesPart,
    filterYear: kpiLeaderboardFilterYear,
    gapToTarget: kpiLeaderboardGapToTarget,
    groupManager: kpiLeaderboardGroupManager,
    groupRep: kpiLeaderboardGroupRep,
    groupRole: kpiLeaderboardGroupRole,
    incomplete: kpiLeaderboardIncomplete,
    loading: kpiLeaderboardLoading,
    members: kpiLeaderboardMembers,
    movedDown: kpiLeaderboardMovedDown,
    movedUp: kpiLeaderboardMovedUp,
    movement: kpiLeaderboardMovement,
    movementPart: kpiLeaderboardMovementPart,
    movementWindow: kpiLeaderboardMovementWindow,
    new: kpiLeaderboardNew,
    noAnswer: kpiLeaderboardNoAnswer,
    noManager: kpiLeaderboardNoManager,
    noRole: kpiLeaderboardNoRole,
    noTarget: kpiLeaderboardNoTarget,
    noValue: kpiLeaderboardNoValue,
    notRanked: kpiLeaderboardNotRanked,
    openUser: kpiLeaderboardOpenUser,
    pace: kpiLeaderboardPace,
    partFailed: kpiLeaderboardPartFailed,
    ownersUnseen: kpiLeaderboardOwnersUnseen,
    unplaced: kpiResultUnplaced,
    percentOfTarget: kpiLeaderboardPercentOfTarget,
    periodRolling: kpiTilePeriodRollingDays,
    rank: kpiLeaderboardRank,
    rankedByTarget: kpiLeaderboardRankedByTarget,
    rep: kpiLeaderboardRep,
    same: kpiLeaderboardSame,
    showAll: kpiLeaderboardShowAll,
    showRecords: kpiLeaderboardShowRecords,
    showTop: kpiLeaderboardShowTop,
    targetFieldFailed: kpiLeaderboardTargetFieldFailed,
    teamManager: kpiLeaderboardTeamManager,
    teamRole: kpiLeaderboardTeamRole,
    ownOnly: kpiLeaderboardOwnOnly,
    tied: kpiLeaderboardTied,
    title: kpiLeaderboardTitle,
    tooManySecondary: kpiLeaderboardTooManySecondary,
    total: kpiLeaderboardTotal,
    viewerGap: kpiLeaderboardViewerGap,
    viewerMoved: kpiLeaderboardViewerMoved,
    viewerRank: kpiLeaderboardViewerRank,
    viewerRankTied: kpiLeaderboardViewerRankTied,
    viewerUnranked: kpiLeaderboardViewerUnranked,
    visibility: kpiLeaderboardVisibility,
    you: kpiLeaderboardYou,
    yourPosition: kpiLeaderboardYourPosition,
};

/** App Builder property labels, by property API name. */
export const PROPERTY_LABELS: Record<string, string> = {
    comparison: kpiLeaderboardPropComparison,
    currencyCode: kpiConfigPropCurrencyCode,
    fiscalYearStartMonth: kpiLeaderboardPropFiscalYearStartMonth,
    groupBy: kpiLeaderboardRank,
    kpi: kpiLeaderboardPropKpi,
    leadSource: kpiGroupingSource,
    managerId: kpiLeaderboardPropManagerId,
    minSample: kpiLeaderboardPropMinSample,
    opportunityType: kpiGroupingType,
    period: kpiConfigPropPeriod,
    profileName: kpiLeaderboardPropProfileName,
    rankBy: kpiLeaderboardPropRankBy,
    rankMethod: kpiLeaderboardPropRankMethod,
    rankedUsers: kpiLeaderboardPropRankedUsers,
    roleName: kpiLeaderboardPropRoleName,
    rowLimit: kpiLeaderboardPropRowLimit,
    secondaryKpis: kpiLeaderboardPropSecondaryKpis,
    showFilters: kpiLeaderboardPropShowFilters,
    target: kpiLeaderboardPropTarget,
    targetField: kpiLeaderboardPropTargetField,
    targetSource: kpiConfigPropTarget,
    variant: kpiLeaderboardPropVariant,
    yearsShown: kpiLeaderboardPropYearsShown,
};

/**
 * The leaderboard's own problem codes (problemMessage's templates): {0} is the property label, {1} the value. The
 * value readers' codes are worded by kpiProperties.
 */
export const PROBLEM_LABELS: Record<string, string> = {
    badYearChoice: kpiLeaderboardProblemBadYearChoice,
    comparisonNotSupported: kpiLeaderboardProblemComparisonNotSupported,
    filterNotApplicable: kpiLeaderboardProblemFilterNotApplicable,
    minSampleIgnored: kpiLeaderboardProblemMinSampleIgnored,
    missingProfile: kpiLeaderboardProblemMissingProfile,
    missingRole: kpiLeaderboardProblemMissingRole,
    missingTarget: kpiLeaderboardProblemMissingTarget,
    notRankable: kpiLeaderboardProblemNotRankable,
    percentTarget: kpiLeaderboardProblemPercentTarget,
    secondaryIsMain: kpiLeaderboardProblemSecondaryIsMain,
    targetIgnored: kpiLeaderboardProblemTargetIgnored,
    targetNeeded: kpiLeaderboardProblemTargetNeeded,
};

/** Period options of the filter bar, by period kind: the names every component uses. */
export { PERIOD_LABELS } from 'c/kpiProperties';
