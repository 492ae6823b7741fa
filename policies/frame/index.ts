// The frame every rule is built on: typed parameters, time split where they change, findings.
export { Param, ParamKey, ParamType } from './params';
export { Span, SpanStatus, Timeline } from './timeline';
export { FrameContext, FrameFinding, FrameRuleSpec, frameRule, notConfiguredReason } from './rule';
export { sqlList, sqlString } from '../../engine/dataset/sql';
export { sayParam } from './say';
