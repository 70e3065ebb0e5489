package io.wirebench.schemas.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; an order carries one for shipping and one for billing. */
public record Address(
        @NotBlank @Size(max = 100) String line1,
        @Size(max = 100) String line2,
        @NotBlank @Size(max = 60) String city,
        @NotNull @Pattern(regexp = Rules.POSTAL_CODE) String postalCode,
        @NotNull @Pattern(regexp = Rules.COUNTRY) String country) {
}
