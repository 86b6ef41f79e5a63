/**
 * Source tracing (SPEC §8): case-to-case links (reported, related, inferred from contact
 * events), transmission clusters as connected components, generations along the forward
 * links, and the checks behind {@code validate}'s warnings about links.
 *
 * <p>Pure Java on JGraphT: no I/O, no picocli, no CSV. {@link org.ctrace.domain.chains.TransmissionChains}
 * is the entry point; {@link org.ctrace.domain.chains.SourceInference} finds the candidate
 * sources of unexplained cases.
 */
package org.ctrace.domain.chains;
