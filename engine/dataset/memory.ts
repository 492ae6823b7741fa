// DuckDB's memory_limit bounds its buffer pool only: Node's heap and DuckDB's allocations outside
// the pool come on top (about 0.4 GB at 1,000,000 households). At 1200MB such an audit peaks near
// 1.6 GB, within a 2 GB machine share (1500MB peaked at 1.9–2.2 GB); past the limit DuckDB spills.
// A module of its own, so `--help` can name the default without loading DuckDB.
export const DEFAULT_MEMORY_LIMIT = '1200MB';
