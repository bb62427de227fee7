//! Graph analysis and drawing: the store's entities and facts projected onto
//! a petgraph graph, for Graphviz DOT, GraphML, CSV and JSON exports, ego
//! graphs, degree and PageRank centrality and connected components.
//!
//! SKELETON: to be filled in.
