import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-untrusted-registry.js";

const params = { allowedRegistries: ["registry.example.com", "gcr.io/my-project", "*.dkr.ecr.eu-west-1.amazonaws.com"] };

ruleTester(rule, {
  valid: [
    { name: "no list configured: nothing reported", dockerfile: "FROM evil.example.net/base:1.0\n" },
    { name: "allowed host", dockerfile: "FROM registry.example.com/base/python:3.12\n", params },
    { name: "allowed path prefix", dockerfile: "FROM gcr.io/my-project/app:1.0\n", params },
    { name: "wildcard host", dockerfile: "FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:2\n", params },
    { name: "scratch", dockerfile: "FROM scratch\n", params },
    { name: "earlier stage", dockerfile: "FROM registry.example.com/go:1.22 AS build\nFROM build\n", params },
    { name: "unknown variable", dockerfile: "ARG BASE\nFROM ${BASE}\n", params },
    { name: "Docker Hub allowed explicitly", dockerfile: "FROM node:20\n", params: { allowedRegistries: ["docker.io"] } },
    { name: "Docker Hub official images by prefix", dockerfile: "FROM node:20\n", params: { allowedRegistries: ["docker.io/library"] } },
  ],
  invalid: [
    { name: "Docker Hub not allowed", dockerfile: "FROM node:20\n", params, errors: [{ messageId: "notAllowed", line: 1, column: 6 }] },
    { name: "other project on an allowed host", dockerfile: "FROM gcr.io/other-project/app:1.0\n", params, errors: [{ messageId: "notAllowed", line: 1 }] },
    { name: "look-alike host", dockerfile: "FROM registry.example.com.evil.net/app:1\n", params, errors: [{ messageId: "notAllowed", line: 1 }] },
    { name: "resolved from a global ARG", dockerfile: "ARG REG=quay.io\nFROM ${REG}/org/app:1\n", params, errors: [{ messageId: "notAllowed", line: 2 }] },
    {
      name: "each stage judged",
      dockerfile: "FROM golang:1.22 AS build\nFROM registry.example.com/base:1\nCOPY --from=build /a /a\n",
      params,
      errors: [{ messageId: "notAllowed", line: 1, object: "Dockerfile/build" }],
    },
  ],
});
