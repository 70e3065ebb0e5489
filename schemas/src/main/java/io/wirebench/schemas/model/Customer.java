package io.wirebench.schemas.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The buyer. */
public record Customer(
        @NotNull @Pattern(regexp = Rules.CUSTOMER_ID) String id,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Email(regexp = Rules.EMAIL) String email,
        @Size(max = 20) String phone) {
}
