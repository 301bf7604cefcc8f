package io.longnam.workflow;

import static io.longnam.workflow.Chains.box;
import static io.longnam.workflow.Chains.created;
import static io.longnam.workflow.Chains.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Keys;
import io.longnam.support.People.Person;
import io.longnam.support.TestPdfs;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.longnam.workflow.Chains.School;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Two signers approving one step at the same moment: never two signatures for an ANY step, never a lost one for ALL. */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class ConcurrentApprovalTest {

    SigningFixture signing;

    @Test
    void concurrentApprovalsOfAnAnyStepMakeExactlyOneSignature() {
        School s = Chains.school("โรงเรียนแข่งกัน", 3);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("race"), null);
        String wf = created(s.creator(), doc, false, List.of(
                step("ANY", box(1, 50, 100), s.signerIds().get(0), s.signerIds().get(1)),
                step("ANY", box(1, 300, 100), s.signerIds().get(2))));

        List<Integer> answers = race(wf, s.signer(0), s.signer(1));
        assertThat(answers).containsExactlyInAnyOrder(200, 409);
        assertThat(s.admin().as().get("/api/v1/documents/{id}", doc).then().extract().jsonPath()
                .getList("versions.kind", String.class)).containsExactly("ORIGINAL", "SIGNED");
        assertThat(s.admin().as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(200)
                .extract().jsonPath().getList("signatures")).hasSize(1);
    }

    @Test
    void concurrentApprovalsOfAnAllStepBothLandOrTheLoserGets409AndMayRetry() {
        School s = Chains.school("โรงเรียนพร้อมกัน", 3);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("race all"), null);
        String wf = created(s.creator(), doc, false, List.of(
                step("ALL", box(1, 50, 100), s.signerIds().get(0), s.signerIds().get(1)),
                step("ANY", box(1, 300, 100), s.signerIds().get(2))));

        List<Integer> answers = race(wf, s.signer(0), s.signer(1));
        assertThat(answers).containsAnyOf(200).allMatch(a -> a == 200 || a == 409);
        for (int i = 0; i < 2; i++) {
            if (answers.get(i) == 409) {
                Chains.approve(s.signer(i), wf).then().statusCode(200);
            }
        }
        Chains.workflow(s.creator(), wf).getInt("currentStep");
        assertThat(Chains.workflow(s.creator(), wf).getInt("currentStep")).isEqualTo(2);
        assertThat(s.admin().as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(200)
                .extract().jsonPath().getList("signatures")).hasSize(2);
    }

    private static List<Integer> race(String wf, Person a, Person b) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (Person p : List.of(a, b)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Chains.approve(p, wf).statusCode();
            }));
        }
        go.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
