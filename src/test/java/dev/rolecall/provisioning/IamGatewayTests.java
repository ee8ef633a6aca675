package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

class IamGatewayTests {

    @Test
    void theStsSessionNamesTheRequestWithinStsLimits() {
        RoleRequestId id = new RoleRequestId(UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-001122334455"));

        String name = IamGateway.sessionName(id);

        assertThat(name)
                .isEqualTo("rolecall-6f1c2d3e-4b5a-4c6d-8e7f-001122334455")
                .matches("[\\w+=,.@-]{2,64}");
    }

    @Test
    void anAwsRefusalKeepsTheAwsCodeAndMessage() {
        AwsServiceException refusal = AwsServiceException.builder()
                .statusCode(409)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("EntityAlreadyExists")
                        .errorMessage("Role with name payments-reader already exists.")
                        .build())
                .build();

        IamCallFailedException failure = IamGateway.translate(refusal);

        assertThat(failure.code()).isEqualTo("EntityAlreadyExists");
        assertThat(failure.getMessage()).isEqualTo("Role with name payments-reader already exists.");
        assertThat(failure).hasCause(refusal);
    }

    @Test
    void aRefusedAssumeRoleInsideAClientErrorKeepsTheStsCode() {
        StsException denied = (StsException) StsException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("User is not authorized to perform: sts:AssumeRole")
                        .build())
                .build();
        SdkClientException wrapped = SdkClientException.create("Unable to load credentials", denied);

        IamCallFailedException failure = IamGateway.translate(wrapped);

        assertThat(failure.code()).isEqualTo("AccessDenied");
        assertThat(failure.getMessage()).isEqualTo("User is not authorized to perform: sts:AssumeRole");
    }

    @Test
    void aCallThatNeverGotAnAnswerIsAClientError() {
        IamCallFailedException failure =
                IamGateway.translate(SdkClientException.create("Unable to execute HTTP request: Connection refused"));

        assertThat(failure.code()).isEqualTo("ClientError");
        assertThat(failure.getMessage()).isEqualTo("Unable to execute HTTP request: Connection refused");
    }

    @Test
    void anAnswerWithoutAnErrorCodeIsNamedByItsHttpStatus() {
        IamCallFailedException failure = IamGateway.translate(AwsServiceException.builder()
                .statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().build())
                .message("Service Unavailable")
                .build());

        assertThat(failure.code()).isEqualTo("HTTP 503");
    }
}
