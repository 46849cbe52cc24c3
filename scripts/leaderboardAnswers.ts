/**
 * One leaderboard render against the preview engine, asked as kpiLeaderboard asks (kpiLeaderboardModel): the board's
 * document, then a page document for each cursor the answers leave. For the tools that look at what a board gets
 * (the census, the leaderboard benchmark).
 */
import {
    boardPageQuery,
    boardQuery,
    planBoardPage,
    readBoardCursors,
} from '../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import type {
    BoardDocument,
    BoardPlan,
    BoardResponse,
} from '../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import type { ViewerContext } from '../preview/engine/api';
import type { createEngine } from '../preview/engine/index';

export interface LeaderboardAnswers {
    /** Each document with the engine's answer, in the order asked. */
    responses: BoardResponse[];
    /** Bytes and engine milliseconds over every answer. */
    bytes: number;
    engineMs: number;
}

export function askLeaderboard(
    engine: ReturnType<typeof createEngine>,
    viewer: ViewerContext,
    plan: BoardPlan,
): LeaderboardAnswers {
    const responses: BoardResponse[] = [];
    let asked: BoardDocument = plan;
    let bytes = 0;
    let engineMs = 0;
    for (;;) {
        const query = asked.operationName === 'KpiLeaderboardPage' ? boardPageQuery(asked) : boardQuery(plan);
        const response = engine.execute(
            { query, variables: asked.variables, operationName: asked.operationName },
            viewer,
        );
        bytes += response.metrics.bytes;
        engineMs += response.metrics.ms;
        responses.push({ document: asked, data: response.data, errors: response.errors ?? null });
        const { next } = readBoardCursors(plan, responses);
        if (Object.keys(next).length === 0) return { responses, bytes, engineMs };
        asked = planBoardPage(plan, next);
    }
}
