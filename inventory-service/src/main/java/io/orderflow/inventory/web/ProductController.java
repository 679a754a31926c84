package io.orderflow.inventory.web;

import java.net.URI;
import java.util.Optional;

import io.orderflow.inventory.application.ProductAlreadyExistsException;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.application.ProductPage;
import io.orderflow.inventory.domain.Product;
import io.orderflow.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class ProductController {

	private final ProductManagement catalogue;

	ProductController(ProductManagement catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	ProductPageResponse list(@RequestParam(required = false) String category,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor) {
		ProductPage page = this.catalogue.page(Optional.ofNullable(category).filter((value) -> !value.isEmpty()),
				Cursors.skuOf(cursor), limit);
		return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(),
				page.nextAfter().map(Cursors::after).orElse(null));
	}

	@GetMapping("/{sku}")
	ProductResponse get(@PathVariable String sku) {
		return ProductResponse.of(this.catalogue.find(sku).orElseThrow(() -> notFound(sku)));
	}

	@PostMapping
	ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
		Product product;
		try {
			product = this.catalogue.create(request.toNewProduct());
		}
		catch (ProductAlreadyExistsException ex) {
			throw ApiProblem.conflict("PRODUCT_EXISTS", "A product with sku " + ex.sku() + " exists already.")
				.with("sku", ex.sku());
		}
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.sku()))
			.body(ProductResponse.of(product));
	}

	@PutMapping("/{sku}/stock")
	ProductResponse setStock(@PathVariable String sku, @Valid @RequestBody SetStockRequest request) {
		return ProductResponse
			.of(this.catalogue.setAvailable(sku, request.available()).orElseThrow(() -> notFound(sku)));
	}

	@PutMapping("/{sku}/price")
	ProductResponse changePrice(@PathVariable String sku, @Valid @RequestBody ChangePriceRequest request) {
		return ProductResponse
			.of(this.catalogue.changePrice(sku, request.price(), request.currency()).orElseThrow(() -> notFound(sku)));
	}

	private static ApiProblem notFound(String sku) {
		return ApiProblem.notFound("PRODUCT_NOT_FOUND", "There is no product with sku " + sku + ".").with("sku", sku);
	}

}
