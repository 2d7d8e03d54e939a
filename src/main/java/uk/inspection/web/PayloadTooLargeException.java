package uk.inspection.web;

import java.io.IOException;

/** Thrown while reading a request body that has grown past the limit. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }

}
