package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.Fields;
import java.util.ArrayList;
import java.util.List;

/** The codec of {@link CodeReview}. */
final class CodeReviewType implements PredicateType<CodeReview> {
  @Override
  public String uri() {
    return CodeReview.URI;
  }

  @Override
  public Class<CodeReview> valueType() {
    return CodeReview.class;
  }

  @Override
  public CodeReview decode(JsonObject predicate, String source) throws SscFormatException {
    Fields f = Codecs.fields(predicate, source);
    CodeReview.Builder b = CodeReview.builder();
    b.repository(Codecs.requiredNonEmpty(f, "repository"));
    b.changeId(Codecs.requiredNonEmpty(f, "changeId"));
    Fields commit = Codecs.requiredObject(f, "reviewedCommit");
    String hex = commit.requiredString("gitCommit");
    if (commit.object().members().size() != 1) {
      throw commit.here("expected exactly one member, gitCommit");
    }
    try {
      b.reviewedCommit(Digest.of(DigestAlgorithm.GIT_COMMIT, hex));
    } catch (IllegalArgumentException e) {
      throw commit.error("gitCommit", String.valueOf(e.getMessage()));
    }
    b.author(Codecs.requiredNonEmpty(f, "author"));
    List<JsonValue> approvals = f.requiredArray("approvals");
    for (int i = 0; i < approvals.size(); i++) {
      Fields a = f.element("approvals", approvals, i);
      ReviewApproval.Builder ab = ReviewApproval.builder();
      ab.reviewer(Codecs.requiredNonEmpty(a, "reviewer"));
      a.optionalString("role").ifPresent(ab::role);
      ab.time(Codecs.requiredTimestamp(a, "time"));
      b.addApprovals(Codecs.build(a, ab::build));
    }
    return Codecs.build(f, b::build);
  }

  @Override
  public JsonObject encode(CodeReview r) {
    List<JsonValue> approvals = new ArrayList<>();
    for (ReviewApproval a : r.approvals()) {
      approvals.add(
          new Codecs.Writer()
              .put("reviewer", a.reviewer())
              .put("role", a.role())
              .put("time", a.time().toString())
              .build());
    }
    return new Codecs.Writer()
        .put("repository", r.repository())
        .put("changeId", r.changeId())
        .put(
            "reviewedCommit",
            new Codecs.Writer().put("gitCommit", r.reviewedCommit().value()).build())
        .put("author", r.author())
        .put("approvals", new JsonArray(approvals))
        .build();
  }
}
