package dev.tickflow.testkit;

import dev.tickflow.localstack.process.ApicurioRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lets a test declare an {@link ApicurioRegistry} parameter; see {@link SchemaRegistryExtension}. */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SchemaRegistryExtension.class)
public @interface WithSchemaRegistry {
}
